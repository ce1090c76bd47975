package cn.minzheng.bureau.importing.kind;

import java.util.List;
import java.util.Map;

/**
 * One kind of roster workbook that the import machinery (upload, background validation, staging table, report,
 * one-transaction commit, progress) takes in. Each feature implements it as a bean beside its own rules (the 低保
 * roster in {@code dibao.roster}, the disaster roster in {@code relief}, the 特困, 高龄津贴 and 优抚 person rosters in
 * {@code tekun}, {@code gaoling} and {@code youfu} on the core of {@code program.roster}); the machinery only knows
 * this interface.
 */
public interface RosterKind {

    /** What import_batch.kind stores and the API's {@code kind} names: DIBAO, DISASTER. */
    String code();

    /** 低保在保家庭, 受灾户名册: the select's option, the template's sheet, the batch list's column. */
    String label();

    String templateFile();

    List<String> headers();

    /** What each column takes, for the template's explanation sheet. */
    List<String> notes();

    /** The template's example rows, in the columns' order. */
    List<Object[]> exampleRows();

    /** What the import page says of the kind beside its template link; null: the page has its own words. */
    default String description() {
        return null;
    }

    /** The groups whose members may import this kind. */
    List<String> importers();

    /** The refusal's text for someone else. */
    String importersOnly();

    /** Each row a person (the batch page counts 人 and has no 户编号 column), not a household with its members. */
    default boolean rowsArePersons() {
        return false;
    }

    /** Whether a batch belongs to a scope (the disaster whose roster it adds to), chosen at upload. */
    default boolean scoped() {
        return false;
    }

    /** The scopes an upload may name now (id and label), newest first. */
    default List<Scope> openScopes() {
        return List.of();
    }

    /** Checks the scope named at upload; returns what the batch keeps (null for a kind without scopes). */
    default Long checkScope(Long scopeId) {
        return null;
    }

    /** Checks the rows of one batch, in file order; one checker per validation run. */
    RowChecker checker(RosterBatch batch);

    /** Writes a validated batch, inside the commit's transaction; one writer per commit. */
    Writer writer(RosterBatch batch, String actor, String reason);

    /** The commit's failure when the database refused a person twice (registered meanwhile). */
    String claimedMeanwhile();

    /**
     * Writes the records this kind holds in the template's own layout (so an export can be imported again),
     * {@code importBatchId} limiting it to one import, {@code township} to one township; false: no export.
     */
    default boolean export(Long importBatchId, String township, RowSink sheet) {
        return false;
    }

    record Scope(long id, String label) {
    }

    /** A sheet being written, row by row. */
    interface RowSink {
        void row(Object... values);
    }

    /** The rules of a kind applied to a file's rows, all problems of a row collected. */
    interface RowChecker {

        /** Checks one data row; returns the rows now complete (a household's rows once its last row is read). */
        List<StagedRow> row(int rowNumber, String[] cells);

        /** The rows still open at the end of the file. */
        List<StagedRow> finish();

        /**
         * Before a chunk of rows is staged: what the records already hold (one query per chunk). Called on the
         * staging thread while the next rows are read and checked: it may change only the chunk's rows, never
         * the checker's state across the file.
         */
        void checkAgainstRecords(List<StagedRow> chunk);
    }

    interface Writer {

        /** Writes a chunk of whole households (rows of one household key); returns the cases it opened. */
        int write(List<List<StagedRow>> households);

        /** After the last chunk: what the batch's audit entry records of the import. */
        Map<String, Object> finish(int rows, int households);
    }
}
