package cn.minzheng.bureau;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BureauApplication {

    public static void main(String[] args) {
        SpringApplication.run(BureauApplication.class, args);
    }
}
