package cn.minzheng.bureau.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows to a record by its components, {@code caseNumber} from the column {@code case_number}: use
 * {@code jdbc.sql(…).query(RecordRows.of(DibaoCase.class))}.
 * <p>
 * Spring's {@code query(DibaoCase.class)} maps the same way, but asks the result set for the component's
 * own name first and, for every camelCase name, catches the driver's "no such column" SQLException before
 * it asks for the snake_case one. That is one exception per such component and row, each filling in a
 * stack trace as deep as the engine's call stack: about 160 per 低保 application (docs/benchmarks.md).
 * Here the snake_case name comes first, which is how the schema names its columns; a query that
 * aliases a column to the component's own name still maps.
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

    private static final ClassValue<RecordRows<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected RecordRows<?> computeValue(Class<?> type) {
            return new RecordRows<>(type.asSubclass(Record.class));
        }
    };

    private final Constructor<T> constructor;
    private final String[] columns;
    private final String[] names;
    private final TypeDescriptor[] types;
    private final ConversionService conversion = DefaultConversionService.getSharedInstance();

    @SuppressWarnings("unchecked")
    public static <T extends Record> RecordRows<T> of(Class<T> type) {
        return (RecordRows<T>) MAPPERS.get(type);
    }

    private RecordRows(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor on " + type, e);
        }
        names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
        columns = Arrays.stream(names).map(JdbcUtils::convertPropertyNameToUnderscoreName).toArray(String[]::new);
        types = new TypeDescriptor[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
        }
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        Object[] args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object value = JdbcUtils.getResultSetValue(rs, column(rs, i), types[i].getType());
            args[i] = conversion.convert(value, types[i]);
        }
        return BeanUtils.instantiateClass(constructor, args);
    }

    private int column(ResultSet rs, int component) throws SQLException {
        try {
            return rs.findColumn(columns[component]);
        } catch (SQLException notSnakeCase) {
            if (columns[component].equals(names[component])) {
                throw notSnakeCase;
            }
            return rs.findColumn(names[component]);
        }
    }
}
