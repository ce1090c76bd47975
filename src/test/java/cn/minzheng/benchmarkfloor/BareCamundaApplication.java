package cn.minzheng.benchmarkfloor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/**
 * The startup benchmark's floor: the Camunda webapp and REST starters with an administrator and
 * nothing of the bureau's (no processes, tables, demo data). Lives outside the application's
 * package so component scanning finds none of it.
 */
@SpringBootApplication(exclude = FlywayAutoConfiguration.class)
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
