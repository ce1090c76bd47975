package cn.minzheng.bureau.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.context.support.StaticApplicationContext;

/**
 * Methods of the application's beans called from expressions: looked up once and called directly when
 * the call is unambiguous; otherwise, and for everything outside the application, the engine's resolver
 * answers as before.
 */
class ApplicationBeanElResolverTest {

    public static class Actions {
        public String greet(String name) {
            return "你好，" + name;
        }

        public String pick(String value) {
            return "text " + value;
        }

        public String pick(Integer value) {
            return "number " + value;
        }

        public int twice(int value) {
            return 2 * value;
        }

        public void refuse(String reason) {
            throw new IllegalStateException(reason);
        }
    }

    private final ApplicationBeanElResolver resolver = new ApplicationBeanElResolver(new StaticApplicationContext(),
            "cn.minzheng.bureau");
    private final ExpressionFactoryImpl expressions = new ExpressionFactoryImpl();

    @Test
    void callsAnUnambiguousMethodWithFittingArgumentsItself() {
        SimpleContext context = new SimpleContext(resolver);

        Object result = resolver.invoke(context, new Actions(), "greet", null, new Object[] {"王"});

        assertThat(context.isPropertyResolved()).isTrue();
        assertThat(result).isEqualTo("你好，王");
    }

    @Test
    void leavesOverloadsCoercionAndOtherClassesToTheEngine() {
        Object[][] calls = {
                {new Actions(), "pick", new Object[] {"a"}},   // two methods of that name and arity
                {new Actions(), "twice", new Object[] {2L}},   // a Long for an int needs coercion
                {new Actions(), "greet", new Object[] {7}},    // an Integer for a String needs coercion
                {new Actions(), "missing", new Object[] {}},   // no such method
                {new StringBuilder("x"), "append", new Object[] {"y"}}, // not an application class
        };
        for (Object[] call : calls) {
            SimpleContext context = new SimpleContext(resolver);
            resolver.invoke(context, call[0], call[1], null, (Object[]) call[2]);
            assertThat(context.isPropertyResolved()).as("%s.%s", call[0].getClass().getSimpleName(), call[1]).isFalse();
        }
    }

    @Test
    void expressionsGiveTheSameAnswersThroughTheWholeChain() {
        assertThat(evaluate("${actions.greet('李')}", new Actions())).isEqualTo("你好，李");
        assertThat(evaluate("${actions.pick('a')}", new Actions())).isEqualTo("text a");
        assertThat(evaluate("${actions.twice(21)}", new Actions())).isEqualTo(42);
    }

    @Test
    void anExceptionOfTheMethodReachesTheEngineAsTheEnginesResolverWrapsIt() {
        assertThatThrownBy(() -> evaluate("${actions.refuse('四眼原则')}", new Actions()))
                .isInstanceOf(ELException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("四眼原则");
    }

    @Test
    void aProxiedBeanIsCalledThroughItsProxy() {
        AtomicInteger intercepted = new AtomicInteger();
        ProxyFactory factory = new ProxyFactory(new Actions());
        factory.setProxyTargetClass(true);
        factory.addAdvice((MethodInterceptor) invocation -> {
            intercepted.incrementAndGet();
            return invocation.proceed();
        });
        Object proxy = factory.getProxy();
        SimpleContext context = new SimpleContext(resolver);

        Object result = resolver.invoke(context, proxy, "greet", null, new Object[] {"赵"});

        assertThat(context.isPropertyResolved()).isTrue();
        assertThat(result).isEqualTo("你好，赵");
        assertThat(intercepted).hasValue(1);
    }

    private Object evaluate(String expression, Object actions) {
        CompositeELResolver chain = new CompositeELResolver();
        chain.add(resolver);
        chain.add(new BeanELResolver());
        SimpleContext context = new SimpleContext(chain);
        context.setVariable("actions", expressions.createValueExpression(actions, Object.class));
        ValueExpression value = expressions.createValueExpression(context, expression, Object.class);
        return value.getValue(context);
    }
}
