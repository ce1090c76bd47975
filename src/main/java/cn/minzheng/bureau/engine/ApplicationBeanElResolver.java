package cn.minzheng.bureau.engine;

import java.beans.FeatureDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Resolves a top-level name in a BPMN expression ({@code ${payrollSteps.approve(task)}},
 * {@code ${registerApplication}}) to this application's own Spring bean of that name, before the engine
 * looks for a process variable of that name.
 * <p>
 * The engine's own order, variables before beans, makes every expression that names a bean first load
 * all variables of the task or execution, only to find none by that name: two queries of forty-odd rows
 * at each claim of a 低保 task. It also lets a process variable, a form field submitted by anyone, stand
 * in for a delegate of the same name. Beans outside the application (Spring's, the engine's) keep the
 * engine's order.
 * <p>
 * A method called on one of these beans ({@code ${dibaoApplicationSteps.register(execution)}}) is looked
 * up once per class, name and number of arguments, not at every call: the generic resolver copies and
 * scans every public method of the (proxied) class each time. Only an unambiguous method whose parameters
 * take the arguments as they are is called here; anything that needs coercion or overload resolution is
 * left to the engine's resolver, with its usual rules.
 */
class ApplicationBeanElResolver extends ELResolver {

    private final ApplicationContext applicationContext;
    private final String applicationPackage;
    private final Map<String, Boolean> isApplicationBean = new ConcurrentHashMap<>();
    private final Map<MethodKey, Optional<Method>> methods = new ConcurrentHashMap<>();

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
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || !(method instanceof String name) || paramTypes != null) {
            return null;
        }
        Object[] arguments = params == null ? new Object[0] : params;
        Optional<Method> target = methods.computeIfAbsent(new MethodKey(base.getClass(), name, arguments.length),
                this::uniqueApplicationMethod);
        if (target.isEmpty() || !fits(target.get().getParameterTypes(), arguments)) {
            return null;
        }
        try {
            Object result = target.get().invoke(base, arguments);
            context.setPropertyResolved(base, method);
            return result;
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        } catch (InvocationTargetException e) {
            // as the engine's resolver does, so the engine unwraps a BpmnError or a rule violation alike
            throw new ELException(e.getCause());
        }
    }

    private Optional<Method> uniqueApplicationMethod(MethodKey key) {
        if (!ClassUtils.getUserClass(key.type()).getName().startsWith(applicationPackage)
                || !Modifier.isPublic(key.type().getModifiers())) {
            return Optional.empty();
        }
        List<Method> candidates = Arrays.stream(key.type().getMethods())
                .filter(m -> m.getName().equals(key.name()) && m.getParameterCount() == key.arity())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isBridge())
                .toList();
        return candidates.size() == 1 && !candidates.get(0).isVarArgs()
                ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static boolean fits(Class<?>[] parameterTypes, Object[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null ? parameterTypes[i].isPrimitive()
                    : !ClassUtils.isAssignableValue(parameterTypes[i], arguments[i])) {
                return false;
            }
        }
        return true;
    }

    private record MethodKey(Class<?> type, String name, int arity) {
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
