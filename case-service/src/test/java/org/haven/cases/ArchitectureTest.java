package org.haven.cases;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Write side, read side and audit are separate slices; the vocabulary depends on none of them. */
@AnalyzeClasses(packages = "org.haven", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule readSideDoesNotKnowTheAggregate = noClasses().that().resideInAPackage("..cases.read..")
            .should().dependOnClassesThat().resideInAnyPackage("..cases.write..", "..cases.audit..", "..cases.relay..");

    @ArchTest
    static final ArchRule writeSideDoesNotReadProjections = noClasses().that().resideInAPackage("..cases.write..")
            .should().dependOnClassesThat().resideInAnyPackage("..cases.read..", "..cases.audit..", "..cases.relay..");

    @ArchTest
    static final ArchRule auditReadsTheEventStoreNotTheOtherSlices = noClasses().that().resideInAPackage("..cases.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("..cases.write..", "..cases.read..", "..cases.relay..");

    @ArchTest
    static final ArchRule vocabularyDependsOnNoSlice = noClasses().that().resideInAPackage("..cases.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..cases.write..", "..cases.read..", "..cases.audit..", "..cases.relay..", "org.springframework..");

    @ArchTest
    static final ArchRule kafkaContractNeedsNoSpring = noClasses().that().resideInAPackage("org.haven.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..");

    @ArchTest
    static final ArchRule noOtherServiceIsReachedInto = noClasses().that().resideInAPackage("org.haven.cases..")
            .should().dependOnClassesThat().resideInAnyPackage("org.haven.eligibility..", "org.haven.notifications..", "org.haven.gateway..");
}
