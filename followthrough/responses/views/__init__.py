"""Response pages: an organisation's own work, the public record, the inspectorate's assessments, national collation."""
