package cn.minzheng.bureau.dibao.notice;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.DibaoSettings;

/** The last day of a 公示 that started at a moment: start plus bureau.dibao.notice-period, as the engine counts it. */
@Component
public class NoticePeriod {

    private final DibaoSettings settings;

    public NoticePeriod(DibaoSettings settings) {
        this.settings = settings;
    }

    public LocalDate endOf(LocalDateTime startedAt) {
        GregorianCalendar calendar = GregorianCalendar.from(startedAt.atZone(ZoneId.systemDefault()));
        try {
            DatatypeFactory.newInstance().newDuration(settings.getNoticePeriod()).addTo(calendar);
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return calendar.toZonedDateTime().toLocalDate();
    }
}
