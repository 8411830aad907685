fn main() -> std::process::ExitCode {
    lashing_cli::main()
}
