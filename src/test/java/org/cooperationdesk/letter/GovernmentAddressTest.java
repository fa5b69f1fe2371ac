package org.cooperationdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import org.cooperationdesk.partner.Country;
import org.junit.jupiter.api.Test;

/** How a letter names a government it writes to: through its embassy, its focal point, or the Government itself. */
class GovernmentAddressTest {

    @Test
    void shouldAddressTheEmbassyByItsNameAndNameItInTheLetter() {
        GovernmentAddress address = GovernmentAddress.of(new Country("TH", "Thailand", "タイ", "Asia",
                new Country.Channel(Country.ChannelKind.EMBASSY, "Royal Thai Embassy in Japan", "consular@thaiembassy.example")));

        assertThat(address.lines()).containsExactly("Royal Thai Embassy in Japan");
        assertThat(address.counterpart()).isEqualTo("the Royal Thai Embassy in Japan");
    }

    @Test
    void shouldNotDoubleTheArticleOfAnEmbassyNamedWithIt() {
        GovernmentAddress address = GovernmentAddress.of(new Country("CN", "China", "中国", "Asia",
                new Country.Channel(Country.ChannelKind.EMBASSY, "The Embassy of the People's Republic of China in Japan",
                        "consular@china-embassy.example")));

        assertThat(address.counterpart()).isEqualTo("The Embassy of the People's Republic of China in Japan");
    }

    @Test
    void shouldWriteToTheFocalPointAndNameTheGovernmentInTheLetter() {
        GovernmentAddress address = GovernmentAddress.of(new Country("VN", "Viet Nam", "ベトナム", "Asia",
                new Country.Channel(Country.ChannelKind.FOCAL_POINT, "International cooperation focal point",
                        "international-cooperation@vn.gov.example")));

        assertThat(address.lines()).containsExactly("International cooperation focal point", "Government of Viet Nam");
        assertThat(address.counterpart()).isEqualTo("the Government of Viet Nam");
    }

    @Test
    void shouldNameTheGovernmentWhenNoChannelIsRecorded() {
        GovernmentAddress address = GovernmentAddress.of(new Country("BT", "Bhutan", "ブータン", "Asia", null));

        assertThat(address.lines()).containsExactly("Government of Bhutan");
        assertThat(address.counterpart()).isEqualTo("the Government of Bhutan");
    }
}
