package cn.minzheng.bureau.demo;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.statistics.MonthlyReturnProcess;

/** 统计月报 in the demo: last month's return prepared from the demo data, waiting for the statistician's check. */
@Component
public class DemoStatistics {

    private final DibaoWalker walker;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final JdbcClient jdbc;

    public DemoStatistics(DibaoWalker walker, FormService formService, RepositoryService repositoryService, JdbcClient jdbc) {
        this.walker = walker;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
    }

    public boolean present() {
        return jdbc.sql("select count(*) from statistical_return").query(Long.class).single() > 0;
    }

    public void seed() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(MonthlyReturnProcess.RETURN_MONTH.name(), YearMonth.now().minusMonths(1).toString());
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(MonthlyReturnProcess.KEY)
                .latestVersion().singleResult().getId();
        walker.as("statistician", () -> formService.submitStartForm(definition, variables));
    }
}
