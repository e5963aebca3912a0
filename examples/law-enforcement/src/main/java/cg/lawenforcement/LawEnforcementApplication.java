package cg.lawenforcement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Law enforcement (城管执法): a department of the community-governance graph that lives outside its repository. */
@SpringBootApplication
@EnableScheduling
public class LawEnforcementApplication {
  /** The department's name in the graph: the gateway signs for it, and callers name it in `departments`. */
  public static final String DEPARTMENT = "law-enforcement";

  public static void main(String[] args) {
    SpringApplication.run(LawEnforcementApplication.class, args);
  }
}
