package com.careloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CareLoopApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareLoopApplication.class, args);
    }
}
