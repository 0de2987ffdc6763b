/// The version written into every manifest and report, so a published result names the tool that made it.
public enum ToolVersion {
    public static let current = "0.1.0"
}
