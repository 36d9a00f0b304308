package io.tributary.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code tributary} command. {@link #run} runs one command line and returns its exit status; only {@link #main}
 * exits the JVM, so tests run the real command in-process.
 */
@Command(
    name = "tributary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Multi-touch attribution for CSV exports: which channels earned the conversions and revenue, "
        + "under every common model, and what each returned on spend.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  tributary attribute --events events.csv",
      "  tributary attribute --paths paths.csv --format csv --output -",
      "  tributary attribute --events export.csv --map customer_id=cookie \\",
      "      --map timestamp=time --alias event_type:impression=touch \\",
      "      --spend spend.csv --format csv --output out/",
      "  tributary paths --events events.csv --output paths.csv",
      "  tributary validate --events events.csv",
      "  tributary report --events events.csv --spend spend.csv --output report.html",
      "  tributary clv --events orders.csv --calibration-end 2024-06-30",
      "",
      "Exit status: 0 ok, 1 failure, 2 bad input or usage."
    })
public final class Main implements Runnable {
  /**
   * The subcommands, in the order help lists them. Registered in code, not in {@code @Command}: picocli reads every
   * registered command's options by reflection when the command line is built, so a run of one command registers only
   * that one (see {@link #subcommands}).
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
      AttributeCommand.class,
      PathsCommand.class,
      ValidateCommand.class,
      ReportCommand.class,
      ClvCommand.class,
      io.tributary.cli.sample.SampleCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class);

  /** The commands run by name: a command line starting with one of these needs no other subcommand. */
  private static final Map<String, Class<?>> RUN_BY_NAME = Map.of(
      "attribute", AttributeCommand.class,
      "paths", PathsCommand.class,
      "validate", ValidateCommand.class,
      "report", ReportCommand.class,
      "clv", ClvCommand.class,
      "sample", io.tributary.cli.sample.SampleCommand.class);

  @Spec CommandSpec spec;

  /** Heap set aside at start and let go on OutOfMemoryError, so that the message can still be printed. */
  private static volatile byte[] reserve = new byte[256 << 10];

  private Main() {}

  /**
   * Makes every command with a {@code (Streams)} constructor with the run's streams, so that no command reaches back
   * to {@code Main} for them; anything else (mixins, converters, picocli's own commands) as picocli does.
   */
  private static final class StreamsFactory implements CommandLine.IFactory {
    private final Streams streams;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    StreamsFactory(Streams streams) {
      this.streams = streams;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        var constructor = cls.getDeclaredConstructor(Streams.class);
        constructor.setAccessible(true);
        return constructor.newInstance(streams);
      } catch (NoSuchMethodException e) {
        return fallback.create(cls);
      }
    }
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (attribute, paths, validate, report, clv, sample)");
  }

  /**
   * Runs one command line with standard input from {@link System#in}.
   *
   * @return the exit status: 0 ok, 1 failure, 2 bad input or usage
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(System.in, out, err, args);
  }

  /**
   * Runs one command line.
   *
   * @param in what {@code -} reads
   * @param out results
   * @param err messages
   * @param args the arguments
   * @return the exit status: 0 ok, 1 failure, 2 bad input or usage
   */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    Failures failures = new Failures();
    Streams streams = new Streams(in, out, err);
    StreamsFactory factory = new StreamsFactory(streams);
    CommandLine cmd = new CommandLine(new Main(), factory);
    // Before the settings below: picocli hands them only to the subcommands registered at that moment.
    for (Class<?> sub : subcommands(args)) {
      cmd.addSubcommand(new CommandLine(sub, factory));
    }
    cmd.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cmd.setExecutionExceptionHandler(failures);
    cmd.setParameterExceptionHandler(failures);
    cmd.setExitCodeExceptionMapper(failures);
    cmd.setUsageHelpAutoWidth(true);
    try {
      return cmd.execute(args);
    } catch (OutOfMemoryError e) {
      // The command's data is unreachable once the error has left it; the reserve makes room for the message.
      reserve = null;
      showOutOfMemory(line -> {
        err.println(line);
        err.flush();
      });
      return Failures.FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /*
   * The subcommands a command line needs: the one it names first, or (help, a version, a typo, nothing) all of them,
   * so that help lists every command and a mistyped name gets picocli's suggestions as before.
   */
  static List<Class<?>> subcommands(String... args) {
    Class<?> named = args.length > 0 && args[0] != null ? RUN_BY_NAME.get(args[0]) : null;
    return named != null ? List.of(named) : SUBCOMMANDS;
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    // Reading and parsing run on threads of their own: out of memory there must end the run with the same one line
    // (and exit 1) instead of a JVM stack trace and a main thread waiting forever for the dead reader.
    Thread.UncaughtExceptionHandler jvmDefault = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof OutOfMemoryError) {
        reserve = null;
        showOutOfMemory(line -> {
          System.err.println(line);
          System.err.flush();
        });
        Runtime.getRuntime().halt(Failures.FAILURE);
      } else if (jvmDefault != null) {
        jvmDefault.uncaughtException(thread, e);
      } else {
        // Not the thread group: it would call this handler again (it is the default handler now).
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace();
      }
    });
    System.exit(run(System.out, System.err, args));
  }

  /* Guards the out-of-memory line: threads that run out together must show it once, and before any of them halts. */
  private static final Object OUT_OF_MEMORY_LOCK = new Object();
  private static boolean outOfMemoryShown;

  /**
   * Shows {@link #outOfMemory()} once per process: a reading thread's handler and the main thread (or the pool that
   * wrapped a worker's error) can meet the same shortage at the same moment, and MemoryBoundsTest saw the line twice.
   * A second caller waits until the first has printed it, so that its halt cannot cut the line off.
   *
   * @param show prints and flushes one line
   */
  static void showOutOfMemory(java.util.function.Consumer<String> show) {
    synchronized (OUT_OF_MEMORY_LOCK) {
      if (!outOfMemoryShown) {
        outOfMemoryShown = true;
        show.accept(outOfMemory());
      }
    }
  }

  /**
   * @return the one line shown when the heap is too small for the input: how much there was and how to raise it
   *     ({@code cli/bin/tributary} passes {@code TRIBUTARY_JAVA_OPTS} to Java)
   */
  static String outOfMemory() {
    long mb = Runtime.getRuntime().maxMemory() >> 20;
    long suggestGb = Math.max(1, (2 * mb + 1023) / 1024);
    return "tributary: out of memory: this input needs more than the " + mb + " MB of heap Java was given; "
        + "raise it with TRIBUTARY_JAVA_OPTS=-Xmx" + suggestGb + "g (cli/bin/tributary) or java -Xmx" + suggestGb
        + "g -jar tributary.jar";
  }
}
