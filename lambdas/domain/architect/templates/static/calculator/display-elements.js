
const displayElement = byId('display');
const expressionElement = byId('expression');
const errorElement = byId('error');
