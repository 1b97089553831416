package dev.backbone.cli;

import dev.backbone.server.config.ConfigurationException;
import dev.backbone.server.config.Settings;
import dev.backbone.server.config.SettingsLoader;
import dev.backbone.server.security.JwtIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backbone-ai token}: a JWT the service accepts, signed with the configured
 * {@code JWT_SECRET_KEY} (environment or {@code .env}, as {@code serve} reads them). Only the
 * token is printed, so {@code TOKEN=$(backbone-ai token ...)} works; the key itself never is.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a JWT for the service, signed with JWT_SECRET_KEY (from the environment or .env).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the token is on standard output", "2:JWT_SECRET_KEY is missing or an option is wrong"})
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--sub", required = true, paramLabel = "NAME", description = "Who the token is for (its sub claim).")
    String subject;

    @Option(names = "--scopes", split = ",", paramLabel = "SCOPE",
            description = "Scopes, comma separated: generate, validate (default: both).")
    List<String> scopes = JwtIssuer.SCOPES;

    @Option(names = "--hours", paramLabel = "N",
            description = "Lifetime in hours (default and most: JWT_EXPIRATION_HOURS, 24 unless set).")
    Integer hours;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Settings.Security security;
        try {
            security = SettingsLoader.fromProcess().security();
        } catch (ConfigurationException e) {
            cl.getErr().println("backbone-ai: " + e.getMessage());
            return BackboneCommand.USAGE;
        }
        List<String> names = scopes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int lifetime = hours != null ? hours : security.jwtExpirationHours();
        try {
            cl.getOut().println(JwtIssuer.issue(security, subject, names, Duration.ofHours(lifetime), Clock.systemUTC()));
        } catch (IllegalArgumentException e) {
            cl.getErr().println("backbone-ai: " + e.getMessage());
            return BackboneCommand.USAGE;
        }
        return BackboneCommand.OK;
    }
}
