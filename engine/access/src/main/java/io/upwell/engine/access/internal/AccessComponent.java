package io.upwell.engine.access.internal;

import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.SessionService;
import io.upwell.engine.access.AccessException;
import io.upwell.engine.access.Role;
import io.upwell.engine.access.UserAccount;
import io.upwell.engine.access.UserAdministration;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access layer in OSGi: reads the configuration (PID {@value AccessConfig#PID}) and where the
 * engine keeps its data (its {@code SessionService} registration's {@value EngineProperties#DATA_DIRECTORY}),
 * holds the {@link Gatekeeper} the servlet context, the servlets and the Web Console's login share,
 * and serves {@link UserAdministration}. A configuration change restarts it, which ends every login.
 */
@Component(name = AccessConfig.PID, configurationPid = AccessConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {UserAdministration.class, AccessComponent.class})
@Designate(ocd = AccessConfig.class)
public final class AccessComponent implements UserAdministration {
    private static final Logger LOG = LoggerFactory.getLogger(AccessComponent.class);

    private final Gatekeeper gatekeeper;

    /**
     * @throws IllegalStateException naming the setting that is out of range; DS records it as the
     *         component's activation failure, and nothing of the HTTP surface answers
     */
    @Activate
    public AccessComponent(AccessConfig config,
            @Reference(service = SessionService.class, target = "(" + EngineProperties.DATA_DIRECTORY + "=*)")
            ServiceReference<SessionService> engine) {
        Path dataDirectory = Path.of(String.valueOf(engine.getProperty(EngineProperties.DATA_DIRECTORY)));
        AccessSettings settings;
        try {
            settings = AccessSettings.from(config, dataDirectory);
        } catch (IllegalArgumentException e) {
            String message = "configuration " + AccessConfig.PID + " rejected, nobody can log in: " + e.getMessage();
            LOG.error(message);
            throw new IllegalStateException(message, e);
        }
        this.gatekeeper = create(settings, Clock.systemUTC(), new SecureRandom());
        LOG.info("access control: users in {}", settings.usersFile());
        try {
            setupCode();
        } catch (UsersFileException e) {
            LOG.error("{}", e.getMessage());
        }
    }

    static Gatekeeper create(AccessSettings settings, Clock clock, SecureRandom random) {
        PasswordHasher hasher = new PasswordHasher(settings.passwordIterations(), random);
        UserDirectory users = new UserDirectory(new UserStore(settings.usersFile()), hasher,
                new PasswordRules(settings.passwordMinimumLength()), clock);
        TokenSessions sessions = new TokenSessions(clock, random, settings.sessionIdle(), settings.sessionLifetime());
        LoginThrottle throttle = new LoginThrottle(clock, settings.throttle());
        return new Gatekeeper(settings, users, sessions, throttle, clock, random);
    }

    Gatekeeper gatekeeper() {
        return gatekeeper;
    }

    // ------------------------------------------------------------------ UserAdministration

    @Override
    public List<UserAccount> users() throws AccessException {
        try {
            return gatekeeper.users().users().stream().map(StoredUser::account).toList();
        } catch (UsersFileException e) {
            throw new AccessException(e.getMessage(), e);
        }
    }

    @Override
    public UserAccount add(String name, Role role, char[] password, String by) throws AccessException {
        try {
            StoredUser user = gatekeeper.users().add(name, role, password);
            LOG.info("user '{}' ({}) added by {}", name, user.role().id(), by);
            return user.account();
        } finally {
            clear(password);
        }
    }

    @Override
    public void remove(String name, String by) throws AccessException {
        gatekeeper.users().remove(name);
        int ended = gatekeeper.endStaleLogins();
        LOG.info("user '{}' removed by {} ({} login(s) ended)", name, by, ended);
    }

    @Override
    public void changePassword(String name, char[] password, String by) throws AccessException {
        try {
            gatekeeper.users().changePassword(name, password);
        } finally {
            clear(password);
        }
        int ended = gatekeeper.endStaleLogins();
        LOG.info("password of user '{}' changed by {} ({} login(s) ended)", name, by, ended);
    }

    @Override
    public void changeRole(String name, Role role, String by) throws AccessException {
        gatekeeper.users().changeRole(name, role);
        int ended = gatekeeper.endStaleLogins();
        LOG.info("user '{}' is now {}, changed by {} ({} login(s) ended)", name, role.id(), by, ended);
    }

    @Override
    public int minimumPasswordLength() {
        return gatekeeper.users().rules().minimumLength();
    }

    @Override
    public Optional<String> setupCode() {
        return gatekeeper.setupCode();
    }

    private static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
