package org.cooperationdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rooms of the house: features apart, rules in services, the engine's tables never touched by hand. */
@AnalyzeClasses(packages = "org.cooperationdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.cooperationdesk.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule servicesNeverCallDelegatesOrControllers = noClasses()
            .that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Delegates")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Controller");

    @ArchTest
    static final ArchRule recordsKnowNothingOfTheEngine = noClasses()
            .that().haveSimpleNameEndingWith("Records").or().haveSimpleNameEndingWith("Repository")
            .or().haveSimpleNameEndingWith("Log").or().haveSimpleName("ExpertRoster").or().haveSimpleName("PersonRegistry")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    @ArchTest
    static final ArchRule controllersUseServicesNotTheDatabase = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..");

    @ArchTest
    static final ArchRule controllersStayPackagePrivate = classes()
            .that().haveSimpleNameEndingWith("Controller").and().areAnnotatedWith(
                    org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();
}
