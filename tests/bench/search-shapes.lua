-- wrk script: searches of one query shape, each new to the site. Run as
--   wrk … -s tests/bench/search-shapes.lua http://host:port -- <shape>
-- with <shape> one of: rare, tenth, most, phrase, prefix, filtered, browse; or words: two words of the whole vocabulary
-- (Word(0..4999)) chosen at random, nearly always a search the site has not seen, without an exclusion.
-- Words are drawn from bands of the synthetic vocabulary (tests/Testimonies.Benchmarks/SyntheticArchive.cs, Word(i)
-- with Zipf-like frequencies; at 100,000 statements: Word(0..1) in 70-87% of statements, Word(21..41) in 7-13%,
-- Word(1349..4999) in 0.05-0.2%). Bands repeat within seconds, so every request also excludes a made-up word that no
-- statement has ("-xq" and a counter, letters the vocabulary never uses): the search text is one the site has never seen,
-- so nothing remembered (output cache, word matches, results) answers it, and the exclusion matches nothing.
-- Browse has no words: it chooses every nationality of the synthetic speakers and one that none has, new each request.
-- Not searches, for pages never cached: statement (a statement page drawn from the first <count> statements, the second
-- argument, 100,000 unless given) and home, each with a query string the site has never seen, so the output cache misses.
local syllables = { "ba", "ko", "ri", "tu", "me", "sa", "lo", "ni", "ve", "da", "gu", "pe", "zo", "fi", "ha", "mu" }
local nationalities = { "Testlandic", "Examplian", "Fictonian", "Samplish", "Placeholdian", "Mockese", "Dummish", "Stubian" }

local function word(index)
  local n = index + 17
  local parts = {}
  repeat
    parts[#parts + 1] = syllables[(n % 16) + 1]
    n = math.floor(n / 16)
  until n == 0
  return table.concat(parts)
end

local letters = "qwxyjv"
local function unseen(n)
  local parts = { "xq" }
  repeat
    local d = n % 6
    parts[#parts + 1] = letters:sub(d + 1, d + 1)
    n = math.floor(n / 6)
  until n == 0
  return table.concat(parts)
end

local shape = "rare"
local count = 100000
local counter = 0
local thread_tag = 0

function init(args)
  shape = args[1] or shape
  count = tonumber(args[2] or count)
  local seed = os.time() + tonumber(tostring({}):sub(8), 16) % 100000
  math.randomseed(seed)
  thread_tag = math.random(0, 1000000) * 1000000
end

local function every_nationality()
  local parts = {}
  for _, n in ipairs(nationalities) do parts[#parts + 1] = "nationality=" .. n end
  return table.concat(parts, "&")
end

request = function()
  counter = counter + 1
  local excluded = unseen(thread_tag + counter)
  local q
  if shape == "words" then
    return wrk.format("GET", "/search?q=" .. word(math.random(0, 4999)) .. "+" .. word(math.random(0, 4999)))
  elseif shape == "rare" then q = word(math.random(1349, 4999))
  elseif shape == "tenth" then q = word(math.random(21, 41))
  elseif shape == "most" then q = word(math.random(0, 1))
  elseif shape == "phrase" then q = "%22fixed+phrase+marker%22"
  elseif shape == "prefix" then
    local s = syllables[math.random(1, 16)]
    q = s .. syllables[math.random(1, 16)]:sub(1, 1) .. "*"
  elseif shape == "filtered" then
    return wrk.format("GET", "/search?q=" .. word(math.random(0, 1)) .. "+-" .. excluded
      .. "&reason=synthetic-reason-" .. math.random(1, 12) .. "&nationality=" .. nationalities[math.random(1, 8)])
  elseif shape == "statement" then
    return wrk.format("GET", "/s/synthetic-" .. math.random(1, count) .. "?seen=" .. excluded)
  elseif shape == "home" then
    return wrk.format("GET", "/?seen=" .. excluded)
  elseif shape == "browse" then
    return wrk.format("GET", "/search?" .. every_nationality() .. "&nationality=" .. excluded)
  else error("unknown shape " .. shape) end
  return wrk.format("GET", "/search?q=" .. q .. "+-" .. excluded)
end
