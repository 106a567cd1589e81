package io.reelgate.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "credits", mixinStandardHelpOptions = true, description = "Show the API key's remaining credits.")
final class CreditsCommand extends TaskCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        long credits = client().credits();
        if (json) {
            printJson(Map.of("credits", credits));
        } else {
            root.out.println(credits);
        }
        return ReelgateCli.OK;
    }
}
