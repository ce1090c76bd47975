package cn.minzheng.bureau.program.roster;

import static cn.minzheng.bureau.program.roster.PersonRosterColumns.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdRepository.PersonRecord;
import cn.minzheng.bureau.importing.kind.ChangedSinceValidation;
import cn.minzheng.bureau.importing.kind.ChangedSinceValidation.Refusal;
import cn.minzheng.bureau.importing.kind.StagedRow;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.CrossProgramRules.Finding;
import cn.minzheng.bureau.program.CrossProgramRules.Person;

/**
 * What the records say of a chunk's persons, in one lookup each (never a query per person), by the rules every
 * enrolment in the program meets:
 * <ul>
 * <li>a live enrolment (申请办理中, 享受中, 暂停发放) that the cross-program rules ({@link CrossProgramRules}, DMN
 * {@code program-compatibility}) do not allow beside the program, or one of the program itself, is refused, naming
 * it (program, status, since when, its number);</li>
 * <li>a person with a household record (家庭档案) is enrolled on it: the file's township must be the record's, a
 * person recorded as dead or moved out is refused, another bank account is a warning (the record's is paid);</li>
 * <li>a person without a record gets one from the file: address, bank and account, and the employment status
 * (就业状况) are then required.</li>
 * </ul>
 * At commit the enrolment rules are asked again ({@link #refusedAtCommit}): a person enrolled meanwhile fails the
 * commit.
 */
final class PersonRosterRecords {

    private final String programCode;
    private final String programName;
    private final HouseholdRepository households;
    private final CrossProgramRules rules;
    private final Map<String, String> townshipNames;

    PersonRosterRecords(String programCode, String programName, HouseholdRepository households, CrossProgramRules rules,
                        Map<String, String> townshipNames) {
        this.townshipNames = townshipNames;
        this.programCode = programCode;
        this.programName = programName;
        this.households = households;
        this.rules = rules;
    }

    void judge(List<StagedRow> chunk) {
        List<StagedRow> persons = chunk.stream().filter(r -> r.idNumber != null).toList();
        Map<String, PersonRecord> records = households.newestRecords(persons.stream().map(r -> r.idNumber).toList());
        Map<String, List<Finding>> findings = rules.assess(programCode, persons.stream()
                        .map(r -> new Person(r.idNumber, r.name)).toList()).stream()
                .collect(Collectors.groupingBy(f -> f.person().idNumber()));
        for (StagedRow row : persons) {
            for (Finding f : findings.getOrDefault(row.idNumber, List.of())) {
                if (refuses(f)) {
                    row.reject(ID_NUMBER, refusal(f));
                }
            }
            PersonRecord record = records.get(row.idNumber);
            if (record == null) {
                newPerson(row);
            } else {
                onRecord(row, record);
            }
        }
    }

    /** At commit: the rows the rules refuse now ({@link ChangedSinceValidation#refusedNow}). */
    List<Refusal> refusedAtCommit(List<StagedRow> rows) {
        return ChangedSinceValidation.refusedNow(rules, programCode, programName, rows);
    }

    private boolean refuses(Finding f) {
        return ChangedSinceValidation.refuses(f, programCode);
    }

    private String refusal(Finding f) {
        return ChangedSinceValidation.refusal(f, programName);
    }

    private static void newPerson(StagedRow row) {
        String who = "公民身份号码" + row.idNumber + "尚无家庭档案，导入时为其建立，";
        if (row.address == null) {
            row.reject(ADDRESS, who + "须填写家庭住址");
        }
        if (row.bankName == null) {
            row.reject(BANK_NAME, who + "须填写开户银行");
        }
        if (row.bankAccount == null) {
            row.reject(BANK_ACCOUNT, who + "须填写银行账号");
        }
        if (row.employmentStatus == null) {
            row.reject(EMPLOYMENT, who + "须填写就业状况");
        }
    }

    private void onRecord(StagedRow row, PersonRecord record) {
        String who = "公民身份号码" + row.idNumber + "的家庭档案";
        if (record.died()) {
            row.reject(ID_NUMBER, who + "中已登记死亡，不能导入");
        } else if (record.movedOut()) {
            row.reject(ID_NUMBER, who + "中已登记户籍迁出，不能导入");
        }
        if (row.townshipCode != null && !row.townshipCode.equals(record.townshipCode())) {
            row.reject(TOWNSHIP, who + "在" + townshipNames.getOrDefault(record.townshipCode(), record.townshipCode())
                    + "，与名册所填不一致，请核对");
        }
        if (row.bankAccount != null && !row.bankAccount.equals(record.bankAccount())) {
            row.warn(BANK_ACCOUNT, who + "中的银行账号与名册不同，导入后按家庭档案中的账号发放，须管理员确认");
        }
    }
}
