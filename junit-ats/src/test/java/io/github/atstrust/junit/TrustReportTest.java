package io.github.atstrust.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's JSON is written without a JSON library: a real parser reads back every field, escapes included. */
class TrustReportTest {

    @Test
    void jsonReadsBackWithEveryFieldAndEveryAwkwardCharacter() throws Exception {
        String awkward = "a \"quoted\" C:\\path\nnext\tline \u0001 ünïcode";
        List<TrustReport.Row> rows = List.of(
                new TrustReport.Row("MyTest", "expired", "no-ats", "reject (UNTRUSTED_ROOT)", "reject", "UNTRUSTED_ROOT", 12,
                        true, awkward),
                new TrustReport.Row("MyTest", "ats-root-ca-1", "all-ats", "accept", "no verdict", "", 3, false, ""));

        JsonNode json = new ObjectMapper().readTree(TrustReport.json(rows));

        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("detail").asText()).isEqualTo(awkward);
        assertThat(json.get(0).get("elapsedMillis").asLong()).isEqualTo(12);
        assertThat(json.get(0).get("agrees").asBoolean()).isTrue();
        assertThat(json.get(1).get("outcome").asText()).isEqualTo("no verdict");
        assertThat(new ObjectMapper().readTree(TrustReport.json(List.of()))).isEmpty();
    }

    @Test
    void pageDrawsTheMatrixAsAHeatMapWithACellPerCaseColouredByAgreement() {
        List<TrustReport.Row> rows = List.of(
                new TrustReport.Row("MyTest.trusts", "untrusted-root", "no-ats", "reject (UNTRUSTED_ROOT)", "reject",
                        "UNTRUSTED_ROOT", 12, true, "PKIX path building failed"),
                new TrustReport.Row("MyTest.trusts", "expired-leaf", "no-ats", "reject (EXPIRED)", "reject", "UNTRUSTED_ROOT", 9,
                        false, ""),
                new TrustReport.Row("MyTest.trusts", "ats-root-ca-1", "all-ats", "accept", "no verdict", "", 3, false, ""));

        String page = TrustReport.html(rows);

        assertThat(page).contains("<meta name=\"generator\" content=\"ATS Trust Kit\">")
                .contains("data-agreement=\"refused-as-declared\"").contains("data-agreement=\"refused-for-another-reason\"")
                .contains("data-agreement=\"no-verdict\"").contains("words: PKIX path building failed")
                .contains("<th class=\"client\" colspan=\"2\">MyTest.trusts</th>");
        assertThat(page.split("<td class=\"cell ").length - 1).isEqualTo(3);
    }
}
