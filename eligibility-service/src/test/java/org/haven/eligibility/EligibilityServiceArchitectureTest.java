package org.haven.eligibility;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class EligibilityServiceArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.haven.eligibility");

    @Test
    void eligibilityServiceKnowsOtherServicesOnlyThroughTheKafkaContract() {
        noClasses().that().resideInAPackage("org.haven.eligibility..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.haven.cases..", "org.haven.notifications..", "org.haven.gateway..", "org.haven.deploy..",
                        // the embedded test servers are for tests and the local stack, never for the service itself
                        "org.haven.infra..")
                .check(SERVICE);
    }

    @Test
    void rulesAndTheirDateArithmeticArePlainJava() {
        // screenings, case assessments, tests and the JMH benchmark all run the same rules without a Spring context
        noClasses().that().resideInAnyPackage("org.haven.eligibility.rules..", "org.haven.eligibility.calendar..",
                        "org.haven.eligibility.history..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..")
                .check(SERVICE);
    }

    @Test
    void featureSlicesDoNotDependOnEachOtherInACycle() {
        slices().matching("org.haven.eligibility.(*)..").should().beFreeOfCycles().check(SERVICE);
    }
}
