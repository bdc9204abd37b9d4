#pragma once
// Migration 4: master data revisions (see lotstation/storage/master_data.hpp). Every master record gets a
// revision column; triggers stamp it whenever a record is added or changed here without a revision of its
// own (0 on insert, unchanged on update), from master_clock: the larger of the last stamp + 1 and the time
// in milliseconds, so that stamps only grow, even after a restore from an older backup. Triggers rather
// than code in every add / update operation: no write of master data can forget to stamp.
// A recipe's revision also moves when its components change.
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigration4MasterRevisions = R"sql(
CREATE TABLE master_clock (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), last INTEGER NOT NULL);
INSERT INTO master_clock (singleton, last) VALUES (1, 0);
ALTER TABLE items ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER items_stamp_insert AFTER INSERT ON items WHEN NEW.revision = 0 BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE items SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
CREATE TRIGGER items_stamp_update AFTER UPDATE ON items WHEN NEW.revision = OLD.revision BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE items SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
ALTER TABLE locations ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER locations_stamp_insert AFTER INSERT ON locations WHEN NEW.revision = 0 BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE locations SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
CREATE TRIGGER locations_stamp_update AFTER UPDATE ON locations WHEN NEW.revision = OLD.revision BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE locations SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
ALTER TABLE suppliers ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER suppliers_stamp_insert AFTER INSERT ON suppliers WHEN NEW.revision = 0 BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE suppliers SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
CREATE TRIGGER suppliers_stamp_update AFTER UPDATE ON suppliers WHEN NEW.revision = OLD.revision BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE suppliers SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
ALTER TABLE customers ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER customers_stamp_insert AFTER INSERT ON customers WHEN NEW.revision = 0 BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE customers SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
CREATE TRIGGER customers_stamp_update AFTER UPDATE ON customers WHEN NEW.revision = OLD.revision BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE customers SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
ALTER TABLE users ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER users_stamp_insert AFTER INSERT ON users WHEN NEW.revision = 0 BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE users SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
CREATE TRIGGER users_stamp_update AFTER UPDATE ON users WHEN NEW.revision = OLD.revision BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE users SET revision = (SELECT last FROM master_clock) WHERE id = NEW.id;
END;
ALTER TABLE recipes ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER recipes_stamp_insert AFTER INSERT ON recipes WHEN NEW.revision = 0 BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE recipes SET revision = (SELECT last FROM master_clock) WHERE item_id = NEW.item_id;
END;
CREATE TRIGGER recipes_stamp_update AFTER UPDATE ON recipes WHEN NEW.revision = OLD.revision BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE recipes SET revision = (SELECT last FROM master_clock) WHERE item_id = NEW.item_id;
END;
CREATE TRIGGER recipe_components_stamp_insert AFTER INSERT ON recipe_components BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE recipes SET revision = (SELECT last FROM master_clock) WHERE item_id = NEW.item_id;
END;
CREATE TRIGGER recipe_components_stamp_delete AFTER DELETE ON recipe_components BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE recipes SET revision = (SELECT last FROM master_clock) WHERE item_id = OLD.item_id;
END;
CREATE TRIGGER recipe_components_stamp_update AFTER UPDATE ON recipe_components BEGIN
    UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER));
    UPDATE recipes SET revision = (SELECT last FROM master_clock) WHERE item_id = NEW.item_id;
END;
)sql";

} // namespace lotstation::storage
