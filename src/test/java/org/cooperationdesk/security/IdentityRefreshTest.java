package org.cooperationdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The setting's limits, and the Spring Security authorities ({@code GROUP_<id>}) following the refresh: nothing in
 * the application reads those authorities today, so no HTTP test can show it (see OneLoginHttpTest for the groups the
 * engine sees).
 */
class IdentityRefreshTest {

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void isAMinuteUnlessSetAndNeverLonger() {
        assertThat(IdentityRefresh.from(new MockEnvironment())).isEqualTo(Duration.ofMinutes(1));
        assertThat(IdentityRefresh.from(new MockEnvironment().withProperty(IdentityRefresh.PROPERTY, "PT20S")))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(IdentityRefresh.from(new MockEnvironment().withProperty(IdentityRefresh.PROPERTY, "0s")))
                .isZero();
        assertThatThrownBy(() -> IdentityRefresh.from(new MockEnvironment().withProperty(IdentityRefresh.PROPERTY, "PT5M")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("coopdesk.security.identity-refresh")
                .hasMessageContaining("PT1M");
    }

    @Test
    void aManagersAuthoritiesFollowTheGroupsOnceDue() throws Exception {
        EngineIdentities identities = mock(EngineIdentities.class);
        when(identities.reread("anna")).thenReturn(Optional.of(
                new SignedInIdentity("anna", List.of("coordinators"), List.of(), Instant.now())));
        signIn(new SignedInIdentity("anna", List.of("managers"), List.of(), Instant.now().minusSeconds(61)));

        new IdentityRefreshFilter(identities, Duration.ofMinutes(1))
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), new MockFilterChain());

        Authentication now = SecurityContextHolder.getContext().getAuthentication();
        assertThat(now.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_coordinators");
        assertThat(now.getName()).isEqualTo("anna");
    }

    @Test
    void aFreshCopyIsNotReadAgain() throws Exception {
        EngineIdentities identities = mock(EngineIdentities.class);
        signIn(new SignedInIdentity("anna", List.of("managers"), List.of(), Instant.now().minusSeconds(30)));

        new IdentityRefreshFilter(identities, Duration.ofMinutes(1))
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), new MockFilterChain());

        verifyNoInteractions(identities);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_managers");
    }

    private static void signIn(SignedInIdentity identity) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(identity, null, identity.authorities()));
    }
}
