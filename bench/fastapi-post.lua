-- wrk script: POST /posts with a unique slug per request (the slug is a unique column).
local counter = 0
local thread_id = 0
setup = function(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end
request = function()
  counter = counter + 1
  local slug = "bench-" .. tostring(tid) .. "-" .. tostring(counter) .. "-" .. tostring(math.random(1, 1000000000))
  local body = '{"title": "A post", "content": "Some text", "slug": "' .. slug .. '", "author_id": 1}'
  return wrk.format("POST", "/posts", {["Content-Type"] = "application/json"}, body)
end
