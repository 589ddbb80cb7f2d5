//! Versioned migrations: SQL files under `migrations/<backend>/NNNN_name.sql`, compiled in.
//!
//! Each backend applies, in one transaction per migration, every migration whose version is
//! above the highest one recorded in its `schema_version` table. Migrations only ever add:
//! an applied file is never edited; a change is a new file.

/// One schema step.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// The SQLite migrations, in order.
pub const SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/sqlite/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "near_duplicates",
        sql: include_str!("../migrations/sqlite/0002_near_duplicates.sql"),
    },
    Migration {
        version: 3,
        name: "stories",
        sql: include_str!("../migrations/sqlite/0003_stories.sql"),
    },
    Migration {
        version: 4,
        name: "story_timeline",
        sql: include_str!("../migrations/sqlite/0004_story_timeline.sql"),
    },
];

/// The PostgreSQL migrations, in order.
pub const POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/postgres/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "near_duplicates",
        sql: include_str!("../migrations/postgres/0002_near_duplicates.sql"),
    },
    Migration {
        version: 3,
        name: "stories",
        sql: include_str!("../migrations/postgres/0003_stories.sql"),
    },
    Migration {
        version: 4,
        name: "story_timeline",
        sql: include_str!("../migrations/postgres/0004_story_timeline.sql"),
    },
];

/// The version a fully migrated store is at.
pub fn latest(migrations: &[Migration]) -> i64 {
    migrations.last().map(|m| m.version).unwrap_or(0)
}

/// The tables `migrations` create, last created first, and `schema_version`: what a reset
/// drops so that the next open migrates from scratch (benchmarks; never a user's store).
pub fn tables(migrations: &[Migration]) -> Vec<String> {
    let mut tables: Vec<String> = migrations
        .iter()
        .flat_map(|m| m.sql.lines())
        .filter_map(|line| line.trim().strip_prefix("CREATE TABLE "))
        .filter_map(|rest| {
            let rest = rest.trim_start_matches("IF NOT EXISTS ");
            rest.split(|c: char| c.is_whitespace() || c == '(').next()
        })
        .filter(|name| !name.is_empty())
        .map(String::from)
        .collect();
    tables.reverse();
    tables.push("schema_version".into());
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_to_reset_are_every_table_the_migrations_create() {
        let pg = tables(POSTGRES);
        for t in [
            "articles",
            "annotations",
            "fingerprints",
            "duplicates",
            "stories",
            "story_members",
            "story_timeline",
            "story_parties",
            "story_party_codes",
            "schema_version",
        ] {
            assert!(pg.contains(&t.to_string()), "{t} missing from {pg:?}");
        }
        assert_eq!(pg.first().map(String::as_str), Some("story_party_codes"));
        assert!(tables(SQLITE).contains(&"story_members".to_string()));
    }

    /// Every file in the folder is listed, in order, with the version its name gives.
    fn assert_listed(folder: &str, migrations: &[Migration]) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(folder);
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<String> = migrations
            .iter()
            .map(|m| format!("{:04}_{}.sql", m.version, m.name))
            .collect();
        assert_eq!(files, listed, "migrations/{folder} and migrate.rs disagree");
        for (i, m) in migrations.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "versions must be 1, 2, 3, ...");
        }
    }

    #[test]
    fn every_sqlite_migration_file_is_listed_in_order() {
        assert_listed("sqlite", SQLITE);
    }

    #[test]
    fn every_postgres_migration_file_is_listed_in_order() {
        assert_listed("postgres", POSTGRES);
    }
}
