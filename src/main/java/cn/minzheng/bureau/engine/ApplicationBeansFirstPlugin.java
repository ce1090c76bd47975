package cn.minzheng.bureau.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.BureauApplication;

/**
 * The engine's expression manager, with the application's own beans resolved before process variables
 * (see {@link ApplicationBeanElResolver}); everything else as in Camunda's Spring integration. Set before
 * the engine initialises, so the functions the engine and the Spin plugin register land on this one.
 */
@Component
public class ApplicationBeansFirstPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;

    public ApplicationBeansFirstPlugin(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ELResolver applicationBeans = new ApplicationBeanElResolver(applicationContext,
                BureauApplication.class.getPackageName());
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, configuration.getBeans()) {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolver = new CompositeELResolver();
                resolver.add(applicationBeans);
                resolver.add(super.createElResolver());
                return resolver;
            }
        });
    }
}
