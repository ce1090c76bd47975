package cn.minzheng.bureau.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Resolves a top-level name in a BPMN expression ({@code ${fourEyes.record(task, 'x')}},
 * {@code ${registerApplication}}) to this application's own Spring bean of that name, before the engine
 * looks for a process variable of that name.
 * <p>
 * The engine's own order, variables before beans, makes every expression that names a bean first load
 * all variables of the task or execution, only to find none by that name: two queries of forty-odd rows
 * at each claim of a 低保 task. It also lets a process variable, a form field submitted by anyone, stand
 * in for a delegate of the same name. Beans outside the application (Spring's, the engine's) keep the
 * engine's order.
 */
class ApplicationBeanElResolver extends ELResolver {

    private final ApplicationContext applicationContext;
    private final String applicationPackage;
    private final Map<String, Boolean> isApplicationBean = new ConcurrentHashMap<>();

    ApplicationBeanElResolver(ApplicationContext applicationContext, String applicationPackage) {
        this.applicationContext = applicationContext;
        this.applicationPackage = applicationPackage + ".";
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null && property instanceof String name && isApplicationBean(name)) {
            context.setPropertyResolved(true);
            return applicationContext.getBean(name);
        }
        return null;
    }

    private boolean isApplicationBean(String name) {
        return isApplicationBean.computeIfAbsent(name, n -> {
            if (!applicationContext.containsBean(n)) {
                return false;
            }
            Class<?> type = applicationContext.getType(n);
            return type != null && type.getName().startsWith(applicationPackage);
        });
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // beans are not assignable from an expression; the next resolver decides
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }
}
