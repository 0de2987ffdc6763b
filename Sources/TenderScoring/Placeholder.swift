public enum ScoringPlaceholder {}
