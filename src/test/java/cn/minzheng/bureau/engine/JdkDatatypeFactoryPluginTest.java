package cn.minzheng.bureau.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkDatatypeFactoryPluginTest {

    private final String before = System.getProperty(JdkDatatypeFactoryPlugin.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JdkDatatypeFactoryPlugin.PROPERTY);
        } else {
            System.setProperty(JdkDatatypeFactoryPlugin.PROPERTY, before);
        }
    }

    @Test
    void theFactoryJaxpWouldFindIsNamedSoItNeedNotSearch() throws Exception {
        System.clearProperty(JdkDatatypeFactoryPlugin.PROPERTY);
        String searched = DatatypeFactory.newInstance().getClass().getName();

        new JdkDatatypeFactoryPlugin().preInit(null);

        assertThat(System.getProperty(JdkDatatypeFactoryPlugin.PROPERTY)).isEqualTo(searched);
        Date start = new Date(0);
        assertThat(new DurationHelper("P3D", start).getDateAfter(start)).isEqualTo(new Date(3 * 24 * 3600 * 1000L));
    }

    @Test
    void aFactoryNamedOnTheCommandLineWins() {
        System.setProperty(JdkDatatypeFactoryPlugin.PROPERTY, "com.example.OtherFactory");

        new JdkDatatypeFactoryPlugin().preInit(null);

        assertThat(System.getProperty(JdkDatatypeFactoryPlugin.PROPERTY)).isEqualTo("com.example.OtherFactory");
    }
}
