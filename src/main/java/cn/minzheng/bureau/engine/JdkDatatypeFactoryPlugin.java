package cn.minzheng.bureau.engine;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory} for JAXP. The engine asks JAXP for a new factory for every
 * ISO duration it reads (each timer, each due date such as {@code P3D}); without this property JAXP looks
 * for a service file in every jar of the class path first (over two hundred here), about a third of a
 * millisecond each time, to end with this same class: no jar of the application provides another.
 * A value set on the command line wins.
 */
@Component
public class JdkDatatypeFactoryPlugin extends AbstractProcessEnginePlugin {

    static final String PROPERTY = DatatypeFactory.class.getName();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
