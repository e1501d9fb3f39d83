-- A frontier page may be a form post (an ASP.NET postback, Servelec Synergy's search): its url is then the page's key
-- (address plus '#post-' and a hash of the body) and its body is kept here, so a resumed run or a queued page sends it.
ALTER TABLE frontier ADD COLUMN form TEXT;
