package cn.minzheng.bureau.importing;

import java.sql.Timestamp;

import cn.minzheng.bureau.importing.kind.RosterBatch;

/** One uploaded workbook and where its import stands. */
public record ImportBatch(
        long id,
        String kind,
        String fileName,
        String storedFile,
        Status status,
        Integer totalRows,
        int validatedRows,
        int committedRows,
        int acceptedCount,
        int warningCount,
        int rejectedCount,
        int householdCount,
        int caseCount,
        String failure,
        String uploadedBy,
        Timestamp uploadedAt,
        Timestamp validatedAt,
        String warningsAcceptedBy,
        String committedBy,
        Timestamp commitStartedAt,
        Timestamp committedAt,
        Long disasterId) {

    public enum Status {
        VALIDATING("校验中"), VALIDATED("已校验"), COMMITTING("导入中"), COMMITTED("已导入"), FAILED("失败");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public RosterBatch rosterBatch() {
        return new RosterBatch(id, fileName, disasterId);
    }

    public boolean committable() {
        return status == Status.VALIDATED && rejectedCount == 0 && validatedRows > 0;
    }
}
