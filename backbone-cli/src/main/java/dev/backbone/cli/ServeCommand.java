package dev.backbone.cli;

import dev.backbone.server.BackboneServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backbone-ai serve}: the HTTP service (port 8000 unless {@code API_PORT}). Configuration
 * comes from the environment and {@code .env} (docs/configuration.md); options here, and
 * {@code NAME=value} arguments, win over both. Blocks until SIGTERM or Ctrl-C, then drains.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the BackBone HTTP service (API, health probes, /metrics, /docs), configured from the "
                + "environment and a .env file (docs/configuration.md); SIGTERM or Ctrl-C drains it and stops.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped after a clean shutdown (SIGTERM, Ctrl-C)", "1:the service cannot start (one line naming the cause)"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (API_HOST, default 0.0.0.0).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Port to listen on (API_PORT, default 8000).")
    String port;

    @Parameters(paramLabel = "NAME=value", arity = "0..*", description = "Any setting of docs/configuration.md, e.g. LOG_LEVEL=DEBUG.")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(settings);
        if (host != null) {
            args.add("API_HOST=" + host);
        }
        if (port != null) {
            args.add("API_PORT=" + port);
        }
        return BackboneServer.serve(args.toArray(String[]::new));
    }
}
