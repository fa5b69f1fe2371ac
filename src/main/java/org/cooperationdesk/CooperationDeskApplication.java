package org.cooperationdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CooperationDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CooperationDeskApplication.class, args);
    }
}
