package org.cooperationdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.cooperationdesk.CooperationDeskApplication;
import org.cooperationdesk.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * The prod profile as an operator starts it: no demo users, no known passwords, and no start at all without an
 * admin password. Each test starts the real application with its own in-memory database instead of PostgreSQL.
 */
class ProductionProfileTest {

    private static final String ADMIN_PASSWORD = "s3cret-Admin";

    private ConfigurableApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void refusesToStartWithoutAnAdminPasswordAndSaysWhichVariableIsMissing() {
        Throwable thrown = catchThrowable(() -> context = start());

        assertThat(thrown).as("the application must not start without COOPDESK_ADMIN_PASSWORD").isNotNull();
        assertThat(messagesOf(thrown)).anyMatch(message -> message.contains("COOPDESK_ADMIN_PASSWORD"));
    }

    @Test
    void refusesToStartWithoutAPartnersLinkKeyAndSaysWhichVariableIsMissing() {
        Throwable thrown = catchThrowable(() -> context = start("--COOPDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--COOPDESK_PORTAL_LINK_KEY=too-short"));

        assertThat(thrown).as("partners' links must not be made from a demo or guessable key").isNotNull();
        assertThat(messagesOf(thrown)).anyMatch(message -> message.contains("COOPDESK_PORTAL_LINK_KEY"));
    }

    @Test
    void startsWithAnAdminPasswordWithTheOfficesGroupsAndOnlyTheAdminUser() {
        context = start("--COOPDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
        IdentityService identity = context.getBean(IdentityService.class);

        assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("prod");
        assertThat(identity.createGroupQuery().list())
                .extracting(Group::getId)
                .contains(Groups.COORDINATORS, Groups.MANAGERS, Groups.DIRECTORS, Groups.ADMINS);
        assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
        assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).list()).extracting(User::getId)
                .containsExactly("admin");
        assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
        assertThat(identity.checkPassword("admin", "admin")).as("the demo password").isFalse();
    }

    @Test
    void refusesToStartOnADatabaseWithoutTheEngineTablesUnlessToldToCreateThem() {
        String database = freshDatabase();

        Throwable thrown = catchThrowable(() -> context = startOn(database, "--COOPDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD));

        assertThat(thrown).as("prod must not create or change the engine's schema on its own").isNotNull();
        assertThat(messagesOf(thrown)).anyMatch(message -> message.contains("no Camunda tables"));

        context = startOn(database, "--COOPDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD, "--COOPDESK_ENGINE_SCHEMA=create");
        context.close();
        context = startOn(database, "--COOPDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
        assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from act_re_procdef where key_ = 'ExpertDispatchProcess'", Integer.class))
                .as("the second start checks the schema, finds it and deploys nothing new").isEqualTo(1);
    }

    @Test
    void hasNoDemoUsersAndNoDemoRoster() {
        context = start("--COOPDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
        IdentityService identity = context.getBean(IdentityService.class);

        for (String demoUser : List.of("coordinator", "coordinator2", "manager", "manager2", "director")) {
            assertThat(identity.createUserQuery().userId(demoUser).count()).as(demoUser).isZero();
        }
        assertThat(identity.createUserQuery().memberOfGroup(Groups.COORDINATORS).count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup(Groups.MANAGERS).count()).isZero();
        assertThat(context.getBean(JdbcTemplate.class).queryForObject("select count(*) from expert", Integer.class))
                .isZero();
    }

    /**
     * Starts the application in the prod profile with a fresh in-memory database. The operating system's
     * environment is left out so that a COOPDESK_ADMIN_PASSWORD set on the build machine cannot make the test pass
     * or fail: what the test passes is all the application sees.
     */
    private static ConfigurableApplicationContext start(String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:prod-profile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--COOPDESK_ENGINE_SCHEMA=create"));
        arguments.addAll(List.of(extraArguments));
        return run(arguments);
    }

    /** An empty database that outlives one start: H2 in memory, or a new PostgreSQL database with -Ppostgres. */
    private static String freshDatabase() {
        return TestDatabase.postgres() ? TestDatabase.createDatabase()
                : "jdbc:h2:mem:prod-profile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static ConfigurableApplicationContext startOn(String database, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + (TestDatabase.postgres() ? TestDatabase.user() : "sa"),
                "--spring.datasource.password=" + (TestDatabase.postgres() ? TestDatabase.password() : ""),
                "--coopdesk.test.keep-datasource=true"));
        arguments.addAll(List.of(extraArguments));
        return run(arguments);
    }

    private static ConfigurableApplicationContext run(List<String> extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.mail.host=localhost",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--COOPDESK_PORTAL_BASE_URL=https://desk.example"));
        if (extraArguments.stream().noneMatch(argument -> argument.startsWith("--COOPDESK_PORTAL_LINK_KEY="))) {
            arguments.add("--COOPDESK_PORTAL_LINK_KEY=production-test-link-key-of-enough-length");
        }
        arguments.addAll(extraArguments);
        return new SpringApplicationBuilder(CooperationDeskApplication.class)
                .environment(new EnvironmentWithoutOperatingSystemVariables())
                .profiles("prod")
                .run(arguments.toArray(String[]::new));
    }

    private static List<String> messagesOf(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }

    private static final class EnvironmentWithoutOperatingSystemVariables extends StandardServletEnvironment {

        @Override
        protected void customizePropertySources(MutablePropertySources propertySources) {
            super.customizePropertySources(propertySources);
            propertySources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        }
    }
}
