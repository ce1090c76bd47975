package cn.minzheng.bureau.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The folder of uploaded workbooks ({@code bureau.import.directory}). A batch records its file by name only, so a
 * backup restored into another folder (docs/operations.md) finds its files; batches of earlier versions recorded
 * an absolute path, which is used while it exists and otherwise looked up by its name in the folder.
 */
@Component
public class ImportFiles {

    private final Path directory;

    public ImportFiles(@Value("${bureau.import.directory:./data/imports}") Path directory) {
        this.directory = directory;
    }

    /** Stores the upload under a new name and returns that name, for import_batch.stored_file. */
    String store(InputStream content) {
        try {
            Files.createDirectories(directory);
            String name = UUID.randomUUID() + ".xlsx";
            Files.copy(content, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            return name;
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the uploaded workbook in " + directory.toAbsolutePath(), e);
        }
    }

    Path of(ImportBatch batch) {
        Path stored = Path.of(batch.storedFile());
        if (stored.isAbsolute() && Files.exists(stored)) {
            return stored;
        }
        return directory.resolve(stored.getFileName());
    }
}
