-- A task that ran and then failed may have left files in its result folder (a run stores them before it commits
-- success). The node that fails it empties the folder at once and clears the flag; the retention sweep empties the
-- folders whose flag is still set (that node died first, or the store did not answer). Tasks that failed before this
-- version get the flag too, so their folders are emptied once. docs/reliability.md, "Files of failed runs".
ALTER TABLE task ADD COLUMN run_files_pending BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE task SET run_files_pending = TRUE WHERE state = 'fail' AND attempts > 0;
