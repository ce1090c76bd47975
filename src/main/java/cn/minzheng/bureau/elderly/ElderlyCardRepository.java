package cn.minzheng.bureau.elderly;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;

/**
 * The one writer of {@code elderly_card}, {@code elderly_card_event} and {@code elderly_card_application}. The
 * tables themselves keep one valid card and one open application per person (unique {@code valid_holder},
 * {@code open_for}) and card numbers unique.
 */
@Repository
public class ElderlyCardRepository {

    private static final String CARD_COLUMNS = """
            id, card_number, township_code, issue_year, sequence_no, id_number, holder_name, household_id, status,
            issued_on, replaced_on, replaced_by""";
    private static final String APPLICATION_COLUMNS = """
            id, kind, id_number, applicant_name, household_id, township_code, birth_date, replaces_card_id, loss_note,
            status, reviewed_by, review_comment, card_id, process_instance_id, registered_by, registered_at, decided_at""";

    private final JdbcClient jdbc;

    public ElderlyCardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A card as stored. */
    public record Card(long id, String cardNumber, String townshipCode, int issueYear, int sequenceNo, String idNumber,
                       String holderName, long householdId, CardStatus status, LocalDate issuedOn, LocalDate replacedOn,
                       Long replacedBy) {
    }

    /** One dated entry of a card's history. */
    public record Event(long id, long cardId, String event, LocalDate happenedOn, String actor, String note) {
    }

    /** An application as stored. */
    public record Application(long id, CardKind kind, String idNumber, String applicantName, long householdId,
                              String townshipCode, LocalDate birthDate, Long replacesCardId, String lossNote,
                              ApplicationStatus status, String reviewedBy, String reviewComment, Long cardId,
                              String processInstanceId, String registeredBy, Timestamp registeredAt,
                              Timestamp decidedAt) {
    }

    /** A registered resident, as the household file has them. */
    public record Resident(long householdId, String townshipCode, String name, LocalDate birthDate) {
    }

    /** What a clerk registers, already checked. */
    public record Registration(CardKind kind, String idNumber, Resident resident, Long replacesCardId, String lossNote) {
    }

    public Optional<Resident> resident(String idNumber) {
        return jdbc.sql("""
                select m.household_id, h.township_code, m.name, m.birth_date
                from household_member m join household h on h.id = m.household_id
                where m.id_number = ? order by m.id""").param(idNumber).query(RecordRows.of(Resident.class)).list().stream().findFirst();
    }

    public long register(Registration r, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into elderly_card_application (kind, id_number, applicant_name, household_id, township_code,
                    birth_date, replaces_card_id, loss_note, status, open_for, process_instance_id, registered_by, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?, ?)""")
                .params(r.kind().name(), r.idNumber(), r.resident().name(), r.resident().householdId(),
                        r.resident().townshipCode(), r.resident().birthDate(), r.replacesCardId(), r.lossNote(),
                        r.idNumber(), processInstanceId, actor, Timestamp.from(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Application> application(long id) {
        return jdbc.sql("select " + APPLICATION_COLUMNS + " from elderly_card_application where id = ?").param(id)
                .query(RecordRows.of(Application.class)).optional();
    }

    public boolean hasOpenApplication(String idNumber) {
        return jdbc.sql("select count(*) from elderly_card_application where open_for = ?").param(idNumber)
                .query(Long.class).single() > 0;
    }

    public void refuse(Application a, String reviewer, String comment) {
        jdbc.sql("""
                update elderly_card_application set status = 'REFUSED', open_for = null, reviewed_by = ?,
                    review_comment = ?, decided_at = ? where id = ? and status = 'REGISTERED'""")
                .params(reviewer, comment, Timestamp.from(Instant.now()), a.id()).update();
    }

    public void approve(Application a, String reviewer, String comment) {
        jdbc.sql("update elderly_card_application set reviewed_by = ?, review_comment = ? where id = ? and status = 'REGISTERED'")
                .params(reviewer, comment, a.id()).update();
    }

    public Optional<Card> validCard(String idNumber) {
        return jdbc.sql("select " + CARD_COLUMNS + " from elderly_card where valid_holder = ?").param(idNumber)
                .query(RecordRows.of(Card.class)).optional();
    }

    public Optional<Card> card(long id) {
        return jdbc.sql("select " + CARD_COLUMNS + " from elderly_card where id = ?").param(id).query(RecordRows.of(Card.class)).optional();
    }

    public Optional<Card> cardByNumber(String number) {
        return jdbc.sql("select " + CARD_COLUMNS + " from elderly_card where card_number = ?").param(number)
                .query(RecordRows.of(Card.class)).optional();
    }

    /** The cards of a township (null: every township), newest first. */
    public List<Card> cards(String townshipCode) {
        String order = " order by township_code, issue_year desc, sequence_no desc";
        if (townshipCode == null) {
            return jdbc.sql("select " + CARD_COLUMNS + " from elderly_card" + order).query(RecordRows.of(Card.class)).list();
        }
        return jdbc.sql("select " + CARD_COLUMNS + " from elderly_card where township_code = ?" + order)
                .param(townshipCode).query(RecordRows.of(Card.class)).list();
    }

    public List<Event> history(long cardId) {
        return jdbc.sql("select id, card_id, event, happened_on, actor, note from elderly_card_event where card_id = ? order by id")
                .param(cardId).query(RecordRows.of(Event.class)).list();
    }

    /** The next free sequence number of a township's cards of a year. */
    public int nextSequence(String townshipCode, int year) {
        Integer max = jdbc.sql("select max(sequence_no) from elderly_card where township_code = ? and issue_year = ?")
                .params(townshipCode, year).query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    /**
     * Issues the application's card (after marking the card it replaces, if any), records both in the cards'
     * history and closes the application.
     */
    public Card issue(Application a, String cardNumber, int year, int sequence, LocalDate today, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        if (a.replacesCardId() != null) {
            int replaced = jdbc.sql("""
                    update elderly_card set status = 'REPLACED', valid_holder = null, replaced_on = ?
                    where id = ? and status = 'VALID'""").params(today, a.replacesCardId()).update();
            if (replaced != 1) {
                throw new IllegalStateException("card " + a.replacesCardId() + " is no longer valid");
            }
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into elderly_card (card_number, township_code, issue_year, sequence_no, id_number, holder_name,
                    household_id, status, valid_holder, issued_on)
                values (?, ?, ?, ?, ?, ?, ?, 'VALID', ?, ?)""")
                .params(cardNumber, a.townshipCode(), year, sequence, a.idNumber(), a.applicantName(), a.householdId(),
                        a.idNumber(), today)
                .update(key, "id");
        long cardId = key.getKey().longValue();
        if (a.replacesCardId() != null) {
            jdbc.sql("update elderly_card set replaced_by = ? where id = ?").params(cardId, a.replacesCardId()).update();
            event(a.replacesCardId(), "REPLACED", today, actor, "遗失补办，新证号" + cardNumber, now);
        }
        event(cardId, "ISSUED", today, actor, a.kind() == CardKind.REPLACEMENT ? "补办" : "申领", now);
        jdbc.sql("""
                update elderly_card_application set status = 'ISSUED', open_for = null, card_id = ?, decided_at = ?
                where id = ?""").params(cardId, now, a.id()).update();
        return card(cardId).orElseThrow();
    }

    private void event(long cardId, String event, LocalDate day, String actor, String note, Timestamp now) {
        jdbc.sql("""
                insert into elderly_card_event (card_id, event, happened_on, actor, note, recorded_at)
                values (?, ?, ?, ?, ?, ?)""").params(cardId, event, day, actor, note, now).update();
    }
}
