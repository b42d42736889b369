package org.haven.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class NotificationServiceArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.haven.notifications");

    @Test
    void notificationServiceKnowsOtherServicesOnlyThroughTheKafkaContract() {
        noClasses().that().resideInAPackage("org.haven.notifications..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.haven.cases..", "org.haven.eligibility..", "org.haven.gateway..", "org.haven.deploy..",
                        // the embedded test servers are for tests and the local stack, never for the service itself
                        "org.haven.infra..")
                .check(SERVICE);
    }

    @Test
    void policiesArePlainJavaOverTheKafkaContract() {
        classes().that().resideInAPackage("org.haven.notifications.policy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.haven.notifications.policy..", "org.haven.events..", "java..", "org.jspecify..")
                .check(SERVICE);
    }

    @Test
    void theDeliveryLogKnowsNoChannel() {
        noClasses().that().resideInAPackage("org.haven.notifications.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.haven.notifications.email..", "org.haven.notifications.webhooks..",
                        "org.haven.notifications.feed..", "org.haven.notifications.intake..")
                .check(SERVICE);
    }

    @Test
    void nothingIsSentWhileAnEventIsConsumed() {
        noClasses().that().resideInAPackage("org.haven.notifications.intake..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.mail.javamail.JavaMailSender")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.haven.notifications.delivery.ChannelSender")
                .check(SERVICE);
    }

    @Test
    void featureSlicesDoNotDependOnEachOtherInACycle() {
        slices().matching("org.haven.notifications.(*)..").should().beFreeOfCycles().check(SERVICE);
    }
}
