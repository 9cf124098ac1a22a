// What a site's analytics code does with saEvents: here it lists every entry on the page.
window.saEvents.subscribe(function (event) {
  var item = document.createElement('li');
  item.textContent = new Date(event.timestamp).toISOString() + '  ' + event.type + '  ' + JSON.stringify(event.data);
  document.getElementById('sa-log').append(item);
});
