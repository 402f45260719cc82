-- A department's description is at most 65,535 characters (as tickets', contacts' and accounts'); TEXT
-- holds 65,535 bytes, too few for that many characters outside ASCII (a long Japanese description failed).
ALTER TABLE departments MODIFY COLUMN description MEDIUMTEXT NULL;
