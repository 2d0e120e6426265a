-- wrk script: a counsellor's requests, cycling through candidates' matches and postings' shortlists
-- of the generated 100,000-posting / 1,000,000-profile set (ids C-00001…, P-0001…), with the token
-- in HEZAMATCH_LOAD_TOKEN. Loopback only.
local token = os.getenv("HEZAMATCH_LOAD_TOKEN") or "load-test"
local i = 0
request = function()
  i = i + 1
  local headers = { ["Authorization"] = "Bearer " .. token }
  if i % 2 == 0 then
    return wrk.format("GET", string.format("/v1/candidates/C-%05d/matches?as_of=2026-11-23&limit=10", (i * 7919) % 99999 + 1), headers)
  else
    return wrk.format("GET", string.format("/v1/jobs/P-%04d/shortlist?as_of=2026-11-23&limit=20", (i * 104729) % 9999 + 1), headers)
  end
end
