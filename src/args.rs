//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use lashing_diagnostics::render::Format;

#[derive(Debug, Parser)]
#[command(
    name = "lashing",
    version,
    about = "A linter for Docker Compose files: services that cannot reach each other, startup races, exposed data stores, and files Compose would refuse.",
    after_help = "With no command, `lashing` runs `lashing check .`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint compose files (each PATH a file or a directory walked recursively).
    Check(CheckArgs),
    /// List every rule: code, name, category, default severity, default on/off, fixable.
    Rules(RulesArgs),
    /// Print a rule's documentation (by name or code).
    Explain(ExplainArgs),
    /// Write a baseline: the current findings, which `check --baseline FILE` (or
    /// `lint.baseline` in lashing.toml) then suppresses, so only new ones fail.
    Baseline(BaselineArgs),
    /// Draw the services, networks, dependencies, URL references and published
    /// ports of compose projects, with findings in red (Mermaid, DOT or JSON).
    Graph(GraphArgs),
}

impl Default for Command {
    fn default() -> Self {
        Command::Check(CheckArgs::default())
    }
}

/// `--format`: the renderers' own list, so that a new format needs no second enum.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        Format::ALL
            .iter()
            .map(|f| PossibleValue::new(f.as_str()).help(f.summary())),
    )
    // The possible values are exactly the formats' names, so this cannot fail.
    .try_map(|name| Format::parse(&name).ok_or("not a format"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Args, Default)]
pub struct CheckArgs {
    /// Compose files or directories (default: the current directory).
    pub paths: Vec<PathBuf>,

    /// Output format [env: LASHING_FORMAT] [default: full on a terminal, else concise].
    #[arg(long, value_parser = format_parser())]
    pub format: Option<Format>,

    #[command(flatten)]
    pub rules: RuleArgs,

    /// Exit 0 even when there are findings (errors of lashing itself still exit 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// Colour in the full format; NO_COLOR turns `auto` off.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print how many findings each rule has instead of the findings (text, or
    /// JSON with `--format json`).
    #[arg(long)]
    pub statistics: bool,

    /// Print only the findings: no summary line, no "no compose files" note.
    #[arg(short, long)]
    pub quiet: bool,

    /// Also show suppressed findings (inline, exception, baseline), marked as such.
    #[arg(long)]
    pub show_suppressed: bool,

    #[command(flatten)]
    pub load: LoadArgs,
}

/// Which rules run and how severely: the command line over lashing.toml.
#[derive(Debug, Args, Default, Clone)]
pub struct RuleArgs {
    /// Run only these rules: names, codes, categories or `all` (comma-separated or
    /// repeated). Replaces `select` and `extend-select` of lashing.toml.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,

    /// Also run these rules (e.g. `hardening`, off by default).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,

    /// Skip these rules: names, codes or categories (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,

    /// Exit with 1 when a finding is at or above this severity [default: warning,
    /// or `fail-on` of lashing.toml].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,

    /// Suppress the findings listed in this baseline file (see `lashing baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Which configuration file applies.
#[derive(Debug, Args, Default, Clone)]
pub struct ConfigArgs {
    /// Use this configuration file for every project instead of looking for
    /// lashing.toml / .lashing.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file.
    #[arg(long)]
    pub no_config: bool,
}

impl ConfigArgs {
    pub fn source(&self) -> lashing_linter::ConfigSource {
        match (&self.config, self.no_config) {
            (_, true) => lashing_linter::ConfigSource::Ignore,
            (Some(path), false) => lashing_linter::ConfigSource::File(path.clone()),
            (None, false) => lashing_linter::ConfigSource::Discover,
        }
    }
}

impl RuleArgs {
    pub fn overrides(&self) -> lashing_linter::Overrides {
        lashing_linter::Overrides {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            fail_on: self.fail_on.map(|f| match f {
                FailOn::Error => lashing_diagnostics::Severity::Error,
                FailOn::Warning => lashing_diagnostics::Severity::Warning,
                FailOn::Info => lashing_diagnostics::Severity::Info,
            }),
            baseline: self.baseline.clone(),
            ignore_baseline: false,
        }
    }
}

#[derive(Debug, Args, Default)]
pub struct BaselineArgs {
    /// Compose files or directories (default: the current directory).
    pub paths: Vec<PathBuf>,

    /// Where to write the baseline.
    #[arg(
        short,
        long,
        value_name = "FILE",
        default_value = "lashing-baseline.json"
    )]
    pub output: PathBuf,

    #[command(flatten)]
    pub rules: RuleArgs,

    #[command(flatten)]
    pub load: LoadArgs,
}

/// How projects are assembled, as `docker compose` options do it.
#[derive(Debug, Args, Default, Clone)]
pub struct LoadArgs {
    /// Lint one project made of exactly these compose files, merged in order, like
    /// `docker compose -f` (repeatable; replaces PATHs).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Interpolate with this env file instead of the project folder's `.env`
    /// (repeatable; later files win), like `docker compose --env-file`.
    #[arg(long, value_name = "PATH")]
    pub env_file: Vec<PathBuf>,

    /// Also read the process environment for interpolation (it wins over env files).
    /// Off by default so that every machine gets the same answer.
    #[arg(long)]
    pub use_env: bool,

    /// Lint only the services of these profiles, and those without profiles
    /// (repeatable; default: every service).
    #[arg(long, value_name = "NAME")]
    pub profile: Vec<String>,
}

impl LoadArgs {
    pub fn options(&self) -> lashing_linter::LoadOptions {
        lashing_linter::LoadOptions {
            env_files: self.env_file.clone(),
            use_env: self.use_env,
            profiles: self.profile.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum RulesFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule name (e.g. `obsolete-version`) or code (e.g. `L103`).
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum GraphFormat {
    /// A Mermaid flowchart (renders in GitHub/GitLab Markdown, or with `mmdc`).
    #[default]
    Mermaid,
    /// Graphviz DOT (`lashing graph | dot -Tsvg > graph.svg`).
    Dot,
    /// The graph as a JSON object, for scripts (see docs/graph.md).
    Json,
}

#[derive(Debug, Args, Default)]
pub struct GraphArgs {
    /// A compose file or a directory, walked like `check` does (default: the current
    /// directory). Each project found is drawn on its own.
    pub path: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
    pub format: GraphFormat,

    /// Draw only the findings of these rules: names, codes, categories or `all`
    /// (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,

    /// Do not draw the findings of these rules: names, codes or categories
    /// (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,

    #[command(flatten)]
    pub config: ConfigArgs,

    #[command(flatten)]
    pub load: LoadArgs,
}
