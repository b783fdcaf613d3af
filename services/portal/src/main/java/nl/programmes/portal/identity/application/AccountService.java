package nl.programmes.portal.identity.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.security.Roles;
import nl.programmes.portal.identity.domain.LoginThrottle;
import nl.programmes.portal.identity.domain.UserAccount;
import nl.programmes.portal.identity.persistence.IdentityRepository;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users and sign-in: bcrypt password hashes, throttled attempts, signed tokens. */
@Singleton
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final Set<String> ROLES = Set.of(Roles.INSTITUTION_STAFF, Roles.CONSULTEE, Roles.STEERING_MEMBER,
            Roles.ADMIN);

    private final IdentityRepository repository;
    private final SigningKeys keys;
    private final Sessions sessions;
    private final Clock clock;
    private final int cost;
    private final LoginThrottle throttle;
    private final SecureRandom random = new SecureRandom();
    /** Compared against when the account does not exist, so timing does not tell which accounts exist. */
    private final String decoyHash;

    public AccountService(IdentityRepository repository, SigningKeys keys, Sessions sessions, Clock clock,
                          @Value("${platform.identity.bcrypt-cost:11}") int cost,
                          @Value("${platform.identity.throttle.window:15m}") Duration window,
                          @Value("${platform.identity.throttle.per-account:5}") int perAccount,
                          @Value("${platform.identity.throttle.per-address:20}") int perAddress) {
        this.repository = repository;
        this.keys = keys;
        this.sessions = sessions;
        this.clock = clock;
        this.cost = cost;
        this.throttle = new LoginThrottle(clock, window, perAccount, perAddress);
        this.decoyHash = hash("not a password");
    }

    /** What a successful sign-in hands out. */
    public record SignedIn(String token, Duration validFor, UserAccount user) {
    }

    /** Thrown when sign-in is refused for now; carries how long to wait. */
    public static class TooManyAttempts extends RuntimeException {
        private final Duration retryAfter;

        TooManyAttempts(Duration retryAfter) {
            super("Too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    public Optional<SignedIn> login(String userId, String password, String address) {
        Optional<Duration> wait = throttle.retryAfter(userId, address);
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.get());
        }
        Optional<UserAccount> user = repository.user(userId).filter(UserAccount::enabled);
        boolean matches = OpenBSDBCrypt.checkPassword(user.map(UserAccount::passwordHash).orElse(decoyHash),
                password.toCharArray());
        if (user.isEmpty() || !matches) {
            throttle.failed(userId, address);
            LOG.info("Failed sign-in for {} from {}", userId, address);
            return Optional.empty();
        }
        throttle.succeeded(userId);
        repository.signedIn(userId, clock.instant());
        return Optional.of(signIn(user.get()));
    }

    /** A session for the account as it stands, with its current access stamp. */
    private SignedIn signIn(UserAccount account) {
        sessions.learn(account);
        String token = keys.current().mint(account.id(), account.displayName(), account.organisationId(),
                List.copyOf(account.roles()), account.accessStamp(), keys.tokenLifetime());
        return new SignedIn(token, keys.tokenLifetime(), account);
    }

    /**
     * A new account. Its password is a first one ({@code firstPassword}) when an administrator gives it: the user is asked
     * to replace it at each sign-in until they do. The local runtime's demo accounts have theirs as chosen.
     */
    @Transactional
    public UserAccount create(String id, String displayName, String organisationId, Set<String> roles, String password,
                              boolean firstPassword) {
        if (!roles.stream().allMatch(ROLES::contains)) {
            throw new InvalidCommandException("roles", "must be among " + ROLES);
        }
        if (repository.user(id).isPresent()) {
            throw new InvalidCommandException("id", "is already taken");
        }
        if (repository.organisation(organisationId).isEmpty()) {
            throw new InvalidCommandException("organisation", "is not in the directory");
        }
        UserAccount account = UserAccount.created(id, displayName, organisationId, roles, hash(password), firstPassword);
        repository.insert(account, clock.instant());
        return account;
    }

    /**
     * A user replaces their password, proving the current one. A wrong current password counts as a failed sign-in
     * (the same throttle), so this is no way around it. Every session handed out before ends (one may have been opened
     * with the password being replaced); the one returned continues the user's own. Not one transaction with the read:
     * the write checks the stamp it read, and commits before the portal's memory learns the new one.
     */
    public SignedIn changePassword(String userId, String current, String next, String address) {
        Optional<Duration> wait = throttle.retryAfter(userId, address);
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.get());
        }
        Optional<UserAccount> user = repository.user(userId).filter(UserAccount::enabled);
        if (user.isEmpty()) {
            // Signed in through another provider (SURFconext): its password is kept there.
            throw new InvalidCommandException("currentPassword", "belongs to an account this platform does not keep");
        }
        if (!OpenBSDBCrypt.checkPassword(user.get().passwordHash(), current.toCharArray())) {
            throttle.failed(userId, address);
            LOG.info("Wrong current password for {} from {}", userId, address);
            throw new InvalidCommandException("currentPassword", "is not the current password");
        }
        if (next.length() < 12 || next.length() > 200) {
            throw new InvalidCommandException("newPassword", "must be 12 to 200 characters");
        }
        if (current.equals(next)) {
            throw new InvalidCommandException("newPassword", "must differ from the current password");
        }
        UserAccount account = user.get();
        UserAccount changed = account.changedTo(account.displayName(), account.roles(), hash(next), account.enabled())
                .withFirstPassword(false);
        repository.update(changed, account.accessStamp());
        LOG.info("{} changed their password; their other sessions have ended", userId);
        return signIn(changed);
    }

    /** An organisation's users, for its administrator. */
    public List<UserAccount> users(String organisationId) {
        return repository.users(organisationId);
    }

    /**
     * An administrator changes a user: the name, the roles, whether the account may sign in, or a new first password
     * (for one forgotten; the user replaces it). Null leaves a part as it is. A change of roles, password or whether the
     * account may sign in ends the user's open sessions at once (they sign in again, with the new roles); a new name
     * does not. The write checks the stamp it read (a change at the same moment is a conflict) and commits before the
     * portal's memory learns the new stamp, so a failed write ends no session.
     */
    public UserAccount change(String id, String displayName, Set<String> roles, Boolean enabled, String password, String byUser) {
        UserAccount user = repository.user(id).orElseThrow(() -> new NotFoundException("User", id));
        if (roles != null && !roles.stream().allMatch(ROLES::contains)) {
            throw new InvalidCommandException("roles", "must be among " + ROLES);
        }
        if (id.equals(byUser) && (Boolean.FALSE.equals(enabled) || roles != null && !roles.contains(Roles.ADMIN))) {
            // The platform would be left without the administrator who could undo it.
            throw new InvalidCommandException(Boolean.FALSE.equals(enabled) ? "enabled" : "roles",
                    "an administrator cannot take their own administration away");
        }
        UserAccount changed = user.changedTo(displayName == null ? user.displayName() : displayName.strip(),
                roles == null ? user.roles() : roles, password == null ? user.passwordHash() : hash(password),
                enabled == null ? user.enabled() : enabled);
        if (password != null) {
            changed = changed.withFirstPassword(true);
        }
        repository.update(changed, user.accessStamp());
        sessions.learn(changed);
        LOG.info("{} changed user {} ({}{}{}{}){}", byUser, id, displayName == null ? "" : "name ", roles == null ? "" : "roles ",
                enabled == null ? "" : (enabled ? "enabled " : "disabled "), password == null ? "" : "password",
                changed.accessStamp() == user.accessStamp() ? "" : "; their sessions have ended");
        return changed;
    }

    public Optional<UserAccount> find(String id) {
        return repository.user(id);
    }

    private String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(password.toCharArray(), salt, cost);
    }
}
