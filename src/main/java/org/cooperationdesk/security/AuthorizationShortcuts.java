package org.cooperationdesk.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Three shortcuts in the engine's authorization checks that give the same answers for less work.
 *
 * <p><b>No revoke, no question.</b> Camunda asks before every authorization-checked command whether a REVOKE
 * authorization applies to the user; the office grants only, so the engine asks once per refresh period whether any
 * revoke exists at all ({@link RevokesInUse}: at once for a revoke saved through this node, within the minute for one
 * saved through another node of a cluster).
 *
 * <p><b>The user's groups are not filtered first.</b> Before each check Camunda runs
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} (a full scan of a table with a row per open task and
 * candidate group: once per engine command, six times per Tasklist list) only to drop the user's groups that have no
 * authorization at all, which could match no row anyway. A user with at most {@link #GROUPS_CHECKED_AS_THEY_ARE}
 * groups (everyone in this office) is checked with all of them; a user of a large directory keeps Camunda's filter,
 * which keeps the checks' group lists short.
 *
 * <p><b>Task lists that already ask only for tasks their reader may read skip the per-task check</b>, which on
 * PostgreSQL makes a shared Tasklist filter take seconds at ten thousand open tasks (docs/benchmarks.md, "The
 * Tasklist filters at 10,000 open tasks").
 *
 * <p>With authorization on, every task query joins {@code ACT_RU_AUTHORIZATION} (a row per task and candidate group)
 * on {@code RESOURCE_ID_ IN (task id, process key, '*')}, a join PostgreSQL cannot hash: it either probes the index
 * three times per task or pairs every task with every authorization. Yet Camunda itself grants a task's candidate
 * groups and its assignee READ on that task when it makes them so ({@code defaultUserPermissionForTask}), and takes
 * the candidate groups' grants away with the candidacy. So a query that only returns tasks
 * <ul>
 *   <li>assigned to the reader ("My tasks"), or</li>
 *   <li>whose candidate groups are all groups of the reader ("Coordination" for a coordinator, "Approvals", which
 *   asks for the reader's own approving groups: {@code system/FilterFunctions})</li>
 * </ul>
 * returns exactly what the full check would, and is run without it. Everything else keeps Camunda's check: other
 * users' or groups' tasks, a query combining alternatives ({@code or()}), and every query while a REVOKE
 * authorization exists anywhere (Camunda's own "revokes in use" test, run as before), since a revoke could take READ
 * from one task of a group. The one difference: an admin who deletes by hand, in Admin, the READ grant a candidate
 * group got on one task would still see that task listed for the group's members (not opened: reading the task itself,
 * its form and its variables is checked as before).
 */
@Component
class AuthorizationShortcuts extends AbstractProcessEnginePlugin {

    private final RevokesInUse revokes;

    AuthorizationShortcuts(Environment environment) {
        this.revokes = new RevokesInUse(IdentityRefresh.from(environment));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        // Registered under AuthorizationManager's type: the engine's own factory for it is replaced.
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new Manager(revokes);
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** More groups than this are filtered as Camunda does (see above). */
    static final int GROUPS_CHECKED_AS_THEY_ARE = 50;

    /** Camunda's authorization manager, with the shortcuts. */
    static final class Manager extends AuthorizationManager {

        private final RevokesInUse revokes;

        Manager(RevokesInUse revokes) {
            this.revokes = revokes;
        }

        /**
         * Camunda's "does a revoke apply to this user?" (once per command in its {@code auto} mode) is answered without
         * a statement while no revoke exists anywhere, as known within the refresh period ({@link RevokesInUse}).
         */
        @Override
        protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
            if (isRevokeAuthCheckUsed == null && asksEveryCommand()) {
                Instant now = EngineIdentities.now();
                if (revokes.knownAbsent(now)) {
                    isRevokeAuthCheckUsed = false;
                } else if (revokes.mayAsk(now)) {
                    AuthorizationQueryImpl anyRevoke = new AuthorizationQueryImpl();
                    anyRevoke.authorizationType(Authorization.AUTH_TYPE_REVOKE);
                    boolean any = (Long) getDbEntityManager().selectOne("selectAuthorizationCountByQueryCriteria", anyRevoke) > 0;
                    revokes.answered(now, any);
                    if (!any) {
                        isRevokeAuthCheckUsed = false;
                    }
                }
            }
            return super.isRevokeAuthCheckEnabled(userId, groupIds);
        }

        private static boolean asksEveryCommand() {
            String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
            return mode == null || ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(mode);
        }

        @Override
        public void insert(DbEntity authorization) {
            noteRevoke(authorization);
            super.insert(authorization);
        }

        @Override
        public void update(AuthorizationEntity authorization) {
            noteRevoke(authorization);
            super.update(authorization);
        }

        private void noteRevoke(DbEntity entity) {
            if (entity instanceof AuthorizationEntity authorization
                    && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
                revokes.savedHere(EngineIdentities.now());
                isRevokeAuthCheckUsed = null; // this command asks again too
            }
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds != null && !authenticatedGroupIds.isEmpty()
                    && authenticatedGroupIds.size() <= GROUPS_CHECKED_AS_THEY_ARE) {
                return authenticatedGroupIds;
            }
            return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
        }

        @Override
        public void configureTaskQuery(TaskQueryImpl query) {
            configureQuery(query);
            AuthorizationCheck check = query.getAuthCheck();
            if (check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
                    && readableInFull(query, getCurrentAuthentication())) {
                // configureQuery has cleared the permission checks; with none added, the query has no authorization
                // join (AuthorizationCheck.getShouldPerformAuthorizatioCheck, which the mappings read).
                return;
            }
            super.configureTaskQuery(query);
        }

        /** Whether every task the query can return was made readable to this user by Camunda's default grants. */
        static boolean readableInFull(TaskQueryImpl query, Authentication reader) {
            if (reader == null || reader.getUserId() == null || query.getQueries().size() > 1) {
                return false;
            }
            if (reader.getUserId().equals(query.getAssignee())) {
                return true;
            }
            List<String> candidateGroups = query.getCandidateGroup() != null ? List.of(query.getCandidateGroup())
                    : query.getCandidateGroupsInternal();
            List<String> readersGroups = reader.getGroupIds();
            return query.getCandidateUser() == null && candidateGroups != null && !candidateGroups.isEmpty()
                    && readersGroups != null && readersGroups.containsAll(candidateGroups);
        }
    }
}
