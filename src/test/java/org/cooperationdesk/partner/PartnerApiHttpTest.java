package org.cooperationdesk.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.cooperationdesk.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partners' records over HTTP: everyone signed in reads them, admins add and change them with a history, and a
 * record added or renamed is what the start forms and task forms offer the next time Tasklist fetches them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:partner-api-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false"
})
class PartnerApiHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Nested
    class Reading {

        @Test
        void everyCountryOfTheWorldWithItsNamesRegionAndChannelForAnyoneSignedIn() throws Exception {
            assertThat(api.get("/api/partners/countries", null).status()).isEqualTo(401);

            JsonNode countries = api.get("/api/partners/countries", "coordinator").json();
            assertThat(countries).hasSize(249);
            JsonNode egypt = api.get("/api/partners/countries/EG", "manager").json();
            assertThat(egypt.path("name").asText()).isEqualTo("Egypt");
            assertThat(egypt.path("nameJa").asText()).isEqualTo("エジプト");
            assertThat(egypt.path("region").asText()).isEqualTo("Africa");
            assertThat(egypt.path("channel").path("email").asText()).contains("@");
            assertThat(api.get("/api/partners/countries/VN", "coordinator").json().path("name").asText()).isEqualTo("Viet Nam");
            assertThat(api.get("/api/partners/countries?q=lao", "coordinator").json())
                    .extracting(country -> country.path("code").asText()).containsExactly("LA");
            assertThat(api.get("/api/partners/countries?q=" + java.net.URLEncoder.encode("中国", "UTF-8"), "coordinator").json())
                    .extracting(country -> country.path("code").asText()).contains("CN");
            assertThat(api.get("/api/partners/countries?q=cote", "coordinator").json())
                    .extracting(country -> country.path("code").asText()).containsExactly("CI");
            List<String> order = new ArrayList<>();
            countries.forEach(country -> order.add(country.path("code").asText()));
            assertThat(order.indexOf("CI")).as("Côte d'Ivoire right after Costa Rica").isEqualTo(order.indexOf("CR") + 1);
            assertThat(api.get("/api/partners/countries/XX", "coordinator").status()).isEqualTo(404);
        }

        @Test
        void groupsOfCountriesAseanAsean3AndTheRegions() throws Exception {
            Map<String, List<String>> groups = new HashMap<>();
            for (JsonNode group : api.get("/api/partners/groups", "coordinator").json()) {
                List<String> members = new ArrayList<>();
                group.path("members").forEach(member -> members.add(member.asText()));
                groups.put(group.path("code").asText(), members);
            }
            assertThat(groups.get("ASEAN")).containsExactlyInAnyOrder("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN");
            assertThat(groups.get("ASEAN_PLUS_3")).hasSize(13).contains("CN", "JP", "KR").containsAll(groups.get("ASEAN"));
            assertThat(groups).containsKeys("AFRICA", "AMERICAS", "ASIA", "EUROPE", "OCEANIA");
            assertThat(api.get("/api/partners/countries?group=ASEAN_PLUS_3", "coordinator").json()).hasSize(13);
        }

        @Test
        void currenciesOfIso4217AndTheRatesTheOfficeRecorded() throws Exception {
            JsonNode currencies = api.get("/api/partners/currencies", "coordinator").json();
            assertThat(currencies).extracting(currency -> currency.path("code").asText()).contains("JPY", "USD", "EUR", "CNY", "EGP");
            assertThat(api.get("/api/partners/currencies/USD/rates", "coordinator").json()).isNotEmpty();
        }
    }

    @Nested
    class Organisations {

        @Test
        void anAdminAddsAnOrganisationAndItsContactsACoordinatorCannot() throws Exception {
            Map<String, Object> searo = organisation("WHO_SEARO", "WHO Regional Office for South-East Asia");
            assertThat(api.post("/api/partners/organisations", "coordinator", searo).status()).isEqualTo(403);
            assertThat(api.get("/api/partners/organisations/WHO_SEARO", "coordinator").status()).isEqualTo(404);

            HttpApi.Response created = api.post("/api/partners/organisations", "admin", searo);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(api.post("/api/partners/organisations", "admin", searo).json().path("errors"))
                    .extracting(error -> error.path("field").asText() + ": " + error.path("message").asText())
                    .containsExactly("code: is already used by WHO Regional Office for South-East Asia");

            HttpApi.Response contact = api.post("/api/partners/organisations/WHO_SEARO/contacts", "admin",
                    Map.of("fullName", "Dr. Anjali Rao", "role", "Health Emergencies Programme", "email", "raoa@searo.who.example"));
            assertThat(contact.status()).as(contact.body()).isEqualTo(201);
            long contactId = contact.json().path("id").asLong();
            assertThat(api.put("/api/partners/contacts/" + contactId, "admin", Map.of("fullName", "Dr. Anjali Rao",
                    "email", "raoa@searo.who.example", "active", false)).status()).isEqualTo(200);
            assertThat(api.get("/api/partners/organisations/WHO_SEARO/contacts", "coordinator").json())
                    .singleElement().satisfies(kept -> assertThat(kept.path("active").asBoolean()).isFalse());
            assertThat(api.get("/api/partners/contacts/" + contactId + "/history", "coordinator").json())
                    .extracting(change -> change.path("field").asText() + ":" + change.path("oldValue").asText()
                            + "->" + change.path("newValue").asText() + " by " + change.path("changedBy").asText())
                    .contains("active:true->false by admin", "role:Health Emergencies Programme-> by admin");
        }

        @Test
        void aBadOrganisationIsA400NamingEachFieldAndAddsNothing() throws Exception {
            int before = jdbc.sql("select count(*) from partner_organisation").query(Integer.class).single();
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("code", "who searo");
            bad.put("name", " ");
            bad.put("email", "searo-at-who");

            HttpApi.Response refused = api.post("/api/partners/organisations", "admin", bad);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("errors")).extracting(error -> error.path("field").asText())
                    .containsExactlyInAnyOrder("code", "name", "kind", "email");
            assertThat(jdbc.sql("select count(*) from partner_organisation").query(Integer.class).single()).isEqualTo(before);
        }

        @Test
        void aRenamedOrganisationKeepsItsRecordsAndItsHistoryAndTheFormsShowTheNewName() throws Exception {
            assertThat(api.post("/api/partners/organisations", "admin",
                    organisation("MOH_EG", "Ministry of Health and Population, Egypt")).status()).isEqualTo(201);
            Map<String, Object> request = dispatchRequest("MOH_EG", "EG", "USD");
            HttpApi.Response started = api.post("/api/dispatch-requests", "coordinator", request);
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String reference = started.json().path("reference").asText();

            Map<String, Object> renamed = organisation("MOH_EG", "Ministry of Health and Population of Egypt");
            assertThat(api.put("/api/partners/organisations/MOH_EG", "admin", renamed).status()).isEqualTo(200);

            assertThat(api.get("/api/partners/organisations/MOH_EG/history", "manager").json())
                    .extracting(change -> change.path("field").asText() + ": " + change.path("oldValue").asText()
                            + " -> " + change.path("newValue").asText())
                    .first().isEqualTo("name: Ministry of Health and Population, Egypt -> Ministry of Health and Population of Egypt");
            JsonNode kept = api.get("/api/dispatch-requests/" + reference, "coordinator").json();
            assertThat(kept.path("request").path("requestingBody").asText()).isEqualTo("MOH_EG");
            assertThat(kept.path("request").path("estimatedCostText").asText()).isEqualTo("USD 15,000");
            String task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
            assertThat(options(api.get("/engine-rest/task/" + task + "/deployed-form", "coordinator").json(), "requestingBody"))
                    .containsEntry("MOH_EG", "Ministry of Health and Population of Egypt");
            assertThat(api.put("/api/partners/organisations/MOH_EG", "admin", organisation("MOH_EGY", "x")).status())
                    .isEqualTo(400);
        }
    }

    @Nested
    class Forms {

        @Test
        void anOrganisationAddedAndACountryRenamedAppearInTheStartFormAndInTheTaskFormsAsTasklistFetchesThem() throws Exception {
            assertThat(api.post("/api/partners/organisations", "admin",
                    organisation("ILO_ROAP", "ILO Regional Office for Asia and the Pacific")).status()).isEqualTo(201);
            Map<String, Object> burkina = countryChange("Burkina Faso (office test name)");
            assertThat(api.put("/api/partners/countries/BF", "admin", burkina).status()).isEqualTo(200);

            JsonNode startForm = api.get("/engine-rest/process-definition/key/ExpertDispatchProcess/deployed-start-form",
                    "coordinator").json();
            assertThat(options(startForm, "requestingBody")).containsEntry("ILO_ROAP", "ILO Regional Office for Asia and the Pacific")
                    .containsEntry("WHO", "World Health Organization (GOARN)");
            assertThat(options(startForm, "countryCode")).hasSize(249).containsEntry("BF", "Burkina Faso (office test name)")
                    .containsEntry("CN", "China").containsEntry("EG", "Egypt");
            Map<String, String> currencies = options(startForm, "estimatedCostCurrency");
            assertThat(currencies.keySet()).first().isEqualTo("JPY");
            assertThat(currencies).containsEntry("USD", "USD: US Dollar")
                    .containsEntry("NGN", "NGN: Naira (no yen rate yet)");
            assertThat(options(api.get("/engine-rest/process-definition/key/MeetingOrganisationProcess/deployed-start-form",
                    "coordinator").json(), "invitedGroup")).containsEntry("ASEAN_PLUS_3", "ASEAN+3 (13 countries)");

            HttpApi.Response started = api.post("/api/dispatch-requests", "coordinator", dispatchRequest("ILO_ROAP", "BF", "JPY"));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String task = taskService.createTaskQuery().processInstanceBusinessKey(started.json().path("reference").asText())
                    .singleResult().getId();
            JsonNode taskForm = api.get("/engine-rest/task/" + task + "/deployed-form", "coordinator").json();
            assertThat(options(taskForm, "requestingBody")).containsEntry("ILO_ROAP", "ILO Regional Office for Asia and the Pacific");
            assertThat(options(taskForm, "countryCode")).containsEntry("BF", "Burkina Faso (office test name)");
            // A form is served only to whom the engine serves it: no task, no form.
            assertThat(api.get("/engine-rest/task/" + task + "/deployed-form", null).status()).isEqualTo(401);
            HttpApi.Response unknown = api.get("/engine-rest/task/no-such-task/deployed-form", "coordinator");
            assertThat(unknown.status()).as("the engine's own answer, passed on untouched").isNotEqualTo(200);
            assertThat(unknown.body()).doesNotContain("components");
        }

        @Test
        void aFormIsServedInTheLanguageOfTheRequestJapaneseIntactAsUtf8WithTheRecordsJapaneseNames() throws Exception {
            HttpApi.Response started = api.post("/api/dispatch-requests", "coordinator", dispatchRequest("WHO", "EG", "USD"));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String task = taskService.createTaskQuery().processInstanceBusinessKey(started.json().path("reference").asText())
                    .singleResult().getId();
            String taskForm = "/engine-rest/task/" + task + "/deployed-form";
            String startForm = "/engine-rest/process-definition/key/ExpertDispatchProcess/deployed-start-form";

            JsonNode japanese = form(taskForm, "ja");
            assertThat(label(japanese, "requestingBody")).isEqualTo("要請機関");
            assertThat(label(japanese, "countryCode")).isEqualTo("国");
            assertThat(options(japanese, "countryCode")).as("the records' Japanese names, the codes unchanged")
                    .containsEntry("EG", "エジプト").containsEntry("VN", "ベトナム").hasSize(249);
            JsonNode japaneseStart = form(startForm, "ja-JP,ja;q=0.9,en;q=0.5");
            assertThat(japaneseStart.path("components").get(0).path("text").asText()).startsWith("### 専門家の要請");
            assertThat(options(japaneseStart, "fundedBy")).containsExactly(Map.entry("REQUESTER", "要請機関"),
                    Map.entry("MINISTRY", "当省"), Map.entry("SHARED", "共同負担"));
            assertThat(options(japaneseStart, "estimatedCostCurrency")).containsEntry("JPY", "JPY: 日本円")
                    .containsEntry("USD", "USD: 米ドル").containsEntry("NGN", "NGN: ナイジェリア ナイラ（円換算レート未登録）");

            JsonNode english = form(taskForm, "en");
            assertThat(label(english, "requestingBody")).isEqualTo("Requesting body");
            assertThat(options(english, "countryCode")).containsEntry("EG", "Egypt");
            JsonNode englishStart = form(startForm, "en-GB");
            assertThat(options(englishStart, "fundedBy")).containsEntry("MINISTRY", "The ministry");
            assertThat(options(englishStart, "estimatedCostCurrency")).containsEntry("USD", "USD: US Dollar");
            assertThat(english.path("components").size()).isEqualTo(japanese.path("components").size());
        }

        @Test
        void theOfficeApiRefusesAnUnknownCurrencyAnAmountWithoutCurrencyAndAnUnknownCountry() throws Exception {
            int before = jdbc.sql("select count(*) from dispatch_request").query(Integer.class).single();
            Map<String, Object> unknown = dispatchRequest("WHO", "XX", "XYZ");
            Map<String, Object> withoutCurrency = dispatchRequest("WHO", "EG", "USD");
            withoutCurrency.remove("estimatedCostCurrency");

            HttpApi.Response refused = api.post("/api/dispatch-requests", "coordinator", unknown);
            HttpApi.Response missing = api.post("/api/dispatch-requests", "coordinator", withoutCurrency);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("errors"))
                    .extracting(error -> error.path("field").asText() + ": " + error.path("message").asText())
                    .containsExactlyInAnyOrder(
                            "countryCode: 'XX' is not a country the office knows (an ISO 3166-1 code such as CN or EG)",
                            "estimatedCostCurrency: 'XYZ' is not a currency code of ISO 4217 (JPY, USD, EUR...)");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().path("errors")).extracting(error -> error.path("field").asText() + ": "
                    + error.path("label").asText() + ": " + error.path("message").asText())
                    .containsExactly("estimatedCostCurrency: Currency: is required");
            assertThat(jdbc.sql("select count(*) from dispatch_request").query(Integer.class).single()).isEqualTo(before);
        }
    }

    @Nested
    class CountriesAndRates {

        @Test
        void anAdminRecordsACountrysChannelWithItsHistoryAndABadOneChangesNothing() throws Exception {
            Map<String, Object> change = countryChange("Türkiye");
            change.put("channel", Map.of("kind", "EMBASSY", "name", "Embassy of the Republic of Türkiye in Tokyo",
                    "email", "embassy.tokyo@mfa.tr.example"));
            assertThat(api.put("/api/partners/countries/TR", "coordinator", change).status()).isEqualTo(403);

            HttpApi.Response changed = api.put("/api/partners/countries/TR", "admin", change);

            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().path("channel").path("kind").asText()).isEqualTo("EMBASSY");
            assertThat(api.get("/api/partners/countries/TR/history", "coordinator").json())
                    .extracting(entry -> entry.path("field").asText() + " -> " + entry.path("newValue").asText())
                    .contains("channel.kind -> EMBASSY", "channel.email -> embassy.tokyo@mfa.tr.example");

            Map<String, Object> bad = countryChange("");
            bad.put("channel", Map.of("kind", "EMBASSY", "name", "Embassy", "email", "not-an-address"));
            HttpApi.Response refused = api.put("/api/partners/countries/TR", "admin", bad);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("errors")).extracting(error -> error.path("field").asText())
                    .containsExactlyInAnyOrder("name", "channel.email");
            assertThat(api.get("/api/partners/countries/TR", "coordinator").json().path("channel").path("email").asText())
                    .isEqualTo("embassy.tokyo@mfa.tr.example");
        }

        @Test
        void anAdminRecordsARateOncePerDayNeverForYenNorInTheFuture() throws Exception {
            LocalDate day = LocalDate.now().minusDays(3);
            Map<String, Object> rate = Map.of("date", day.toString(), "yenPerUnit", 21.05, "source", "Bank of Japan reference rate");
            assertThat(api.post("/api/partners/currencies/CNY/rates", "coordinator", rate).status()).isEqualTo(403);

            HttpApi.Response recorded = api.post("/api/partners/currencies/CNY/rates", "admin", rate);
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            assertThat(recorded.json().path("recordedBy").asText()).isEqualTo("admin");
            assertThat(api.post("/api/partners/currencies/CNY/rates", "admin", rate).status()).isEqualTo(409);
            assertThat(api.post("/api/partners/currencies/JPY/rates", "admin", rate).json().path("errors"))
                    .extracting(error -> error.path("field").asText()).containsExactly("currency");
            HttpApi.Response future = api.post("/api/partners/currencies/CNY/rates", "admin",
                    Map.of("date", LocalDate.now().plusDays(2).toString(), "yenPerUnit", -1, "source", ""));
            assertThat(future.json().path("errors")).extracting(error -> error.path("field").asText())
                    .containsExactlyInAnyOrder("date", "yenPerUnit", "source");
            assertThat(api.post("/api/partners/currencies/ZZZ/rates", "admin", rate).status()).isEqualTo(404);
            assertThat(api.get("/api/partners/currencies/CNY/rates", "manager").json())
                    .extracting(entry -> entry.path("rateDate").asText()).containsExactly(day.toString());
        }
    }

    static Map<String, Object> organisation(String code, String name) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("code", code);
        organisation.put("name", name);
        organisation.put("kind", "Partner ministry");
        organisation.put("email", "international@" + code.toLowerCase() + ".example");
        return organisation;
    }

    static Map<String, Object> countryChange(String name) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("name", name);
        change.put("nameJa", "国名");
        return change;
    }

    static Map<String, Object> dispatchRequest(String requestingBody, String country, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestingBody", requestingBody);
        body.put("requesterReference", "REQ-" + System.nanoTime());
        body.put("requesterEmail", "requests@partner.example");
        body.put("countryCode", country);
        body.put("purpose", "Avian influenza outbreak response");
        body.put("termsOfReference", "Support the national rapid response team.");
        body.put("skillsNeeded", "epidemiology");
        body.put("startDate", LocalDate.now().plusDays(10).toString());
        body.put("durationDays", 14);
        body.put("estimatedCost", 15_000);
        body.put("estimatedCostCurrency", currency);
        body.put("fundedBy", "REQUESTER");
        return body;
    }

    /**
     * A form with record options as served to a browser asking for the language: rewritten, so UTF-8 JSON that says so,
     * with a Content-Length (when given) that counts the rewritten bytes.
     */
    JsonNode form(String path, String language) throws Exception {
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Accept", "application/json").header("Accept-Language", language)
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "coordinator:coordinator".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .isEqualToIgnoringCase("application/json;charset=UTF-8");
        response.headers().firstValueAsLong("Content-Length")
                .ifPresent(length -> assertThat(length).isEqualTo(response.body().length));
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    static String label(JsonNode form, String key) {
        JsonNode field = find(form.path("components"), key);
        return field.hasNonNull("label") ? field.path("label").asText() : field.path("dateLabel").asText();
    }

    /** A field's options in a form as served: value to label. */
    static Map<String, String> options(JsonNode form, String key) {
        Map<String, String> options = new LinkedHashMap<>();
        find(form.path("components"), key).path("values")
                .forEach(option -> options.put(option.path("value").asText(), option.path("label").asText()));
        return options;
    }

    private static JsonNode find(JsonNode components, String key) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
            JsonNode nested = find(component.path("components"), key);
            if (!nested.isMissingNode()) {
                return nested;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
