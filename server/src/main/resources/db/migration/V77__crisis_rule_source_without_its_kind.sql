-- The page says a crisis rule's kind ("Quy định nội bộ") before its source: the seeded source said it again.
UPDATE press_crisis_rule
   SET source = substring(source FROM char_length('Quy định nội bộ: ') + 1)
 WHERE entered_by = 'system' AND source LIKE 'Quy định nội bộ: %';
