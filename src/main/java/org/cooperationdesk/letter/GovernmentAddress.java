package org.cooperationdesk.letter;

import java.util.List;

import org.cooperationdesk.partner.Country;

/**
 * How a letter to a government is addressed: through the channel the office writes to (partner/Country). lines: the
 * address block ("Embassy of the People's Republic of China in Japan"; or the focal point's name and "Government of
 * Viet Nam"). counterpart: whom the letter's sentences name ("the Embassy of …", or "the Government of Viet Nam").
 */
public record GovernmentAddress(List<String> lines, String counterpart) {

    public GovernmentAddress {
        lines = List.copyOf(lines);
    }

    public static GovernmentAddress of(Country country) {
        String government = "Government of " + country.name();
        Country.Channel channel = country.channel();
        if (channel == null || channel.name() == null || channel.name().isBlank()) {
            return new GovernmentAddress(List.of(government), "the " + government);
        }
        if (channel.kind() == Country.ChannelKind.EMBASSY) {
            return new GovernmentAddress(List.of(channel.name()), withArticle(channel.name()));
        }
        return new GovernmentAddress(List.of(channel.name(), government), "the " + government);
    }

    private static String withArticle(String name) {
        return name.regionMatches(true, 0, "the ", 0, 4) ? name : "the " + name;
    }
}
