-- Incident edits moved from the "upload" scope to a new "write" scope. Tokens made before could edit
-- with "upload"; they keep that ability (new tokens get "write" only when asked for).
UPDATE "ApiToken" SET "scopes" = array_append("scopes", 'write')
WHERE 'upload' = ANY("scopes") AND NOT ('write' = ANY("scopes"));
