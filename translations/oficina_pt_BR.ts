<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Eigen</name>
    <message>
        <source>column &apos;%1&apos; is categorical; add an encoder before this model</source>
        <translation>a coluna &apos;%1&apos; é categórica; adicione um codificador antes deste modelo</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has %2 missing values; add an imputer or drop rows with missing values</source>
        <translation>a coluna &apos;%1&apos; tem %2 valores ausentes; adicione um imputador ou descarte as linhas com valores ausentes</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has %2 infinite values; remove or replace them before this model</source>
        <translation>a coluna &apos;%1&apos; tem %2 valores infinitos; remova-os ou substitua-os antes deste modelo</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Oficina machine-learning workbench</source>
        <translation>Oficina, bancada de trabalho de aprendizado de máquina</translation>
    </message>
    <message>
        <source>Pipeline file to open</source>
        <translation>Arquivo de pipeline a abrir</translation>
    </message>
</context>
<context>
    <name>oficina::core</name>
    <message>
        <source>column %1 has no name; it was named &apos;%2&apos;</source>
        <translation>a coluna %1 não tem nome; ela recebeu o nome &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the column name &apos;%1&apos; appears more than once; column %2 was renamed &apos;%3&apos;</source>
        <translation>o nome de coluna &apos;%1&apos; aparece mais de uma vez; a coluna %2 foi renomeada para &apos;%3&apos;</translation>
    </message>
    <message>
        <source>the lines end with a delimiter; the empty last column was dropped</source>
        <translation>as linhas terminam com um delimitador; a última coluna, vazia, foi descartada</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; was read as text: line %2 has &apos;%3&apos;, which is not a number</source>
        <translation>a coluna &apos;%1&apos; foi lida como texto: a linha %2 contém &apos;%3&apos;, que não é um número</translation>
    </message>
    <message>
        <source>cannot write the file (%1)</source>
        <translation>não é possível gravar o arquivo (%1)</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; has %2 missing values; drop those rows before training</source>
        <translation>a coluna-alvo &apos;%1&apos; tem %2 valores ausentes; descarte essas linhas antes do treinamento</translation>
    </message>
    <message>
        <source>target column &apos;%1&apos; has non-integer values such as %2; classification needs class labels, so use a regression model for a numeric target</source>
        <translation>a coluna-alvo &apos;%1&apos; tem valores não inteiros, como %2; a classificação precisa de rótulos de classe, então use um modelo de regressão para um alvo numérico</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>Iris</translation>
    </message>
    <message>
        <source>150 flowers, 4 measurements (cm); classify the species (3 classes).</source>
        <translation>150 flores, 4 medidas (cm); classifique a espécie (3 classes).</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Vinho</translation>
    </message>
    <message>
        <source>178 wines, 13 chemical measurements; classify the cultivar (3 classes).</source>
        <translation>178 vinhos, 13 medidas químicas; classifique o cultivar (3 classes).</translation>
    </message>
    <message>
        <source>Breast cancer (Wisconsin diagnostic)</source>
        <translation>Câncer de mama (diagnóstico de Wisconsin)</translation>
    </message>
    <message>
        <source>569 tumours, 30 cell-nucleus features; classify malignant or benign.</source>
        <translation>569 tumores, 30 atributos do núcleo celular; classifique como maligno ou benigno.</translation>
    </message>
    <message>
        <source>Diabetes</source>
        <translation>Diabetes</translation>
    </message>
    <message>
        <source>442 patients, 10 baseline variables; predict disease progression after one year (regression).</source>
        <translation>442 pacientes, 10 variáveis basais; preveja a progressão da doença após um ano (regressão).</translation>
    </message>
    <message>
        <source>Handwritten digits (8×8)</source>
        <translation>Dígitos manuscritos (8×8)</translation>
    </message>
    <message>
        <source>1,797 images of 8×8 pixels (0–16); classify the digit (10 classes).</source>
        <translation>1.797 imagens de 8×8 pixels (0–16); classifique o dígito (10 classes).</translation>
    </message>
    <message>
        <source>Linnerud</source>
        <translation>Linnerud</translation>
    </message>
    <message>
        <source>20 men: 3 exercise counts and 3 physiological measurements (multi-output regression; the pulse is the default target).</source>
        <translation>20 homens: 3 contagens de exercícios e 3 medidas fisiológicas (regressão com múltiplas saídas; a pulsação é o alvo padrão).</translation>
    </message>
    <message>
        <source>Sunspots</source>
        <translation>Manchas solares</translation>
    </message>
    <message>
        <source>Yearly Wolf sunspot numbers 1700–2008 (time series).</source>
        <translation>Número de Wolf anual de manchas solares, 1700–2008 (série temporal).</translation>
    </message>
    <message>
        <source>Mauna Loa CO₂</source>
        <translation>CO₂ de Mauna Loa</translation>
    </message>
    <message>
        <source>Weekly atmospheric CO₂ (ppm) 1958–2001 with gaps (time series with missing values).</source>
        <translation>CO₂ atmosférico semanal (ppm), 1958–2001, com lacunas (série temporal com valores ausentes).</translation>
    </message>
    <message>
        <source>the test fraction must be greater than 0 and less than 1, got %1</source>
        <translation>a fração de teste deve ser maior que 0 e menor que 1, não %1</translation>
    </message>
    <message>
        <source>with %1 rows and a test fraction of %2 the training set would be empty</source>
        <translation>com %1 linhas e uma fração de teste de %2, o conjunto de treinamento ficaria vazio</translation>
    </message>
    <message>
        <source>the class label of row %1 is missing; a stratified split needs every label</source>
        <translation>o rótulo de classe da linha %1 está ausente; uma divisão estratificada precisa de todos os rótulos</translation>
    </message>
    <message>
        <source>k-fold cross-validation needs at least 2 folds, got %1</source>
        <translation>a validação cruzada k-fold precisa de pelo menos 2 partições, não %1</translation>
    </message>
    <message>
        <source>cannot make %1 folds from %2 rows</source>
        <translation>não é possível criar %1 partições a partir de %2 linhas</translation>
    </message>
    <message>
        <source>the least populated class has only 1 row; a stratified split needs at least 2 rows per class</source>
        <translation>a classe menos populosa tem apenas 1 linha; uma divisão estratificada precisa de pelo menos 2 linhas por classe</translation>
    </message>
    <message>
        <source>the training set would have %1 rows, fewer than the %2 classes; lower the test fraction</source>
        <translation>o conjunto de treinamento teria %1 linhas, menos que as %2 classes; diminua a fração de teste</translation>
    </message>
    <message>
        <source>the test set would have %1 rows, fewer than the %2 classes; raise the test fraction</source>
        <translation>o conjunto de teste teria %1 linhas, menos que as %2 classes; aumente a fração de teste</translation>
    </message>
    <message>
        <source>%1 folds are more than the number of rows of every class</source>
        <translation>%1 partições são mais do que o número de linhas de cada classe</translation>
    </message>
    <message>
        <source>the smallest class has fewer rows (%1) than there are folds (%2)</source>
        <translation>a menor classe tem menos linhas (%1) do que o número de partições (%2)</translation>
    </message>
    <message>
        <source>class index %1 is outside the %2 known classes</source>
        <translation>o índice de classe %1 está fora das %2 classes conhecidas</translation>
    </message>
    <message>
        <source>%1 true labels but %2 predictions</source>
        <translation>%1 rótulos verdadeiros, mas %2 previsões</translation>
    </message>
    <message>
        <source>there are no rows to evaluate</source>
        <translation>não há linhas para avaliar</translation>
    </message>
    <message>
        <source>C must be a positive number, not %1</source>
        <translation>C deve ser um número positivo, não %1</translation>
    </message>
    <message>
        <source>tol must not be negative, not %1</source>
        <translation>tol deve ser maior ou igual a zero, não %1</translation>
    </message>
    <message>
        <source>max_iter must not be negative, not %1</source>
        <translation>max_iter deve ser maior ou igual a zero, não %1</translation>
    </message>
    <message>
        <source>there are no rows to train on</source>
        <translation>não há linhas para treinar</translation>
    </message>
    <message>
        <source>%1 target values for %2 rows</source>
        <translation>%1 valores de alvo para %2 linhas</translation>
    </message>
    <message>
        <source>the features have missing or infinite values</source>
        <translation>os atributos têm valores ausentes ou infinitos</translation>
    </message>
    <message>
        <source>class index %1 is outside the %2 classes</source>
        <translation>o índice de classe %1 está fora das %2 classes</translation>
    </message>
    <message>
        <source>the target has only one class &apos;%1&apos;; classification needs at least two</source>
        <translation>o alvo tem apenas uma classe, &apos;%1&apos;; a classificação precisa de pelo menos duas</translation>
    </message>
    <message>
        <source>logistic regression stopped after %1 iterations without converging: the line search could not reduce the loss further; scale the features</source>
        <translation>a regressão logística parou após %1 iterações sem convergir: a busca linear não conseguiu reduzir mais a perda; padronize os atributos</translation>
    </message>
    <message>
        <source>logistic regression did not converge in %1 iterations; increase max_iter or scale the features</source>
        <translation>a regressão logística não convergiu em %1 iterações; aumente max_iter ou padronize os atributos</translation>
    </message>
    <message>
        <source>unknown sample dataset &apos;%1&apos;</source>
        <translation>conjunto de dados de exemplo desconhecido: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the sample datasets were not found; set OFICINA_SHARE_DIR to Oficina&apos;s share folder</source>
        <translation>os conjuntos de dados de exemplo não foram encontrados; defina OFICINA_SHARE_DIR como a pasta share do Oficina</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; cannot be both a feature and the target</source>
        <translation>a coluna &apos;%1&apos; não pode ser ao mesmo tempo atributo e alvo</translation>
    </message>
    <message>
        <source>no feature columns are left</source>
        <translation>não restou nenhuma coluna de atributo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was fitted before this split, so it has seen the test rows (data leakage); move it after the split</source>
        <translation>&apos;%1&apos; foi ajustado antes desta divisão e, por isso, já viu as linhas de teste (vazamento de dados); mova-o para depois da divisão</translation>
    </message>
    <message>
        <source>a stratified split needs a target column; set one in &apos;Select columns &amp; set target&apos;</source>
        <translation>uma divisão estratificada precisa de uma coluna-alvo; defina-a em &apos;Selecionar colunas e definir alvo&apos;</translation>
    </message>
    <message>
        <source>Load file</source>
        <translation>Carregar arquivo</translation>
    </message>
    <message>
        <source>Reads a CSV, TSV or ARFF file. Delimiter, decimal separator, header and column types are detected; every problem is reported with its line and column.</source>
        <translation>Lê um arquivo CSV, TSV ou ARFF. O delimitador, o separador decimal, o cabeçalho e os tipos das colunas são detectados; cada problema é relatado com sua linha e coluna.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.arff)</source>
        <translation>Arquivos de dados (*.csv *.tsv *.txt *.arff)</translation>
    </message>
    <message>
        <source>CSV/TSV (any of , ; tab |) or Weka ARFF file</source>
        <translation>Arquivo CSV/TSV (qualquer um de , ; tab |) ou ARFF do Weka</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Delimitador</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Vírgula</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Ponto e vírgula</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulação</translation>
    </message>
    <message>
        <source>Pipe</source>
        <translation>Barra vertical</translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation>Separador decimal</translation>
    </message>
    <message>
        <source>Point (1234.5)</source>
        <translation>Ponto (1234.5)</translation>
    </message>
    <message>
        <source>Comma (1.234,5)</source>
        <translation>Vírgula (1.234,5)</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Linha de cabeçalho</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>Missing-value markers</source>
        <translation>Marcadores de valor ausente</translation>
    </message>
    <message>
        <source>Comma-separated cell values read as missing; an empty cell is always missing</source>
        <translation>Valores de célula, separados por vírgula, lidos como ausentes; uma célula vazia é sempre um valor ausente</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codificação</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Latin-1 (ISO 8859-1)</source>
        <translation>Latin-1 (ISO 8859-1)</translation>
    </message>
    <message>
        <source>Sample dataset</source>
        <translation>Conjunto de dados de exemplo</translation>
    </message>
    <message>
        <source>A real public dataset shipped with Oficina (Iris, Wine, Breast cancer, Diabetes, Digits, Linnerud, Sunspots, CO₂), with its target column already marked.</source>
        <translation>Um conjunto de dados real e público incluído no Oficina (Iris, Vinho, Câncer de mama, Diabetes, Dígitos, Linnerud, Manchas solares, CO₂), com a coluna-alvo já marcada.</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Conjunto de dados</translation>
    </message>
    <message>
        <source>Select columns &amp; set target</source>
        <translation>Selecionar colunas e definir alvo</translation>
    </message>
    <message>
        <source>Chooses the feature columns a model learns from and the target column it predicts. Models trained downstream expect the same columns when they predict.</source>
        <translation>Escolhe as colunas de atributos com as quais um modelo aprende e a coluna-alvo que ele prevê. Os modelos treinados adiante no pipeline esperam as mesmas colunas ao prever.</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <source>Columns to learn from; empty = every column except the target</source>
        <translation>Colunas usadas no aprendizado; vazio = todas as colunas, exceto o alvo</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Alvo</translation>
    </message>
    <message>
        <source>Column to predict; empty = keep the input&apos;s target, or none for clustering</source>
        <translation>Coluna a prever; vazio = manter o alvo da entrada, ou nenhum para agrupamento</translation>
    </message>
    <message>
        <source>Train/test split</source>
        <translation>Divisão treino/teste</translation>
    </message>
    <message>
        <source>Shuffles the rows and holds out a share of them for testing, exactly as scikit-learn&apos;s train_test_split does with the same seed. Fit preprocessing after this node, on the training rows only.</source>
        <translation>Embaralha as linhas e separa uma parte delas para teste, exatamente como o train_test_split do scikit-learn faz com a mesma semente. Ajuste o pré-processamento depois deste nó, somente nas linhas de treinamento.</translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation>Linhas de treinamento</translation>
    </message>
    <message>
        <source>Test rows</source>
        <translation>Linhas de teste</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>Proporção de teste</translation>
    </message>
    <message>
        <source>Fraction of the rows held out for testing</source>
        <translation>Fração das linhas separada para teste</translation>
    </message>
    <message>
        <source>Stratify by target</source>
        <translation>Estratificar pelo alvo</translation>
    </message>
    <message>
        <source>Keep the class proportions equal in both parts</source>
        <translation>Mantém as proporções das classes iguais nas duas partes</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <source>Same seed, same split</source>
        <translation>Mesma semente, mesma divisão</translation>
    </message>
    <message>
        <source>the data has no &apos;%1&apos; column; connect the output of a Predict node</source>
        <translation>os dados não têm a coluna &apos;%1&apos;; conecte a saída de um nó Prever</translation>
    </message>
    <message>
        <source>Score expects class predictions from a classifier; &apos;%1&apos; holds numbers</source>
        <translation>o nó Pontuar espera previsões de classe de um classificador; &apos;%1&apos; contém números</translation>
    </message>
    <message>
        <source>%1 rows without a target value or prediction were left out of the scores</source>
        <translation>%1 linhas sem valor de alvo ou sem previsão foram deixadas fora das pontuações</translation>
    </message>
    <message>
        <source>Standard scaler</source>
        <translation>Padronizador</translation>
    </message>
    <message>
        <source>Centres each numeric feature on 0 and scales it to unit variance, with the mean and deviation learned from this node&apos;s input. Models downstream re-apply the same scaling when they predict.</source>
        <translation>Centraliza cada atributo numérico em 0 e o escala para variância unitária, com a média e o desvio aprendidos da entrada deste nó. Os modelos adiante no pipeline reaplicam a mesma escala ao prever.</translation>
    </message>
    <message>
        <source>Scaled data</source>
        <translation>Dados padronizados</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centralizar</translation>
    </message>
    <message>
        <source>Subtract each column&apos;s mean</source>
        <translation>Subtrai a média de cada coluna</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Escalar</translation>
    </message>
    <message>
        <source>Divide by each column&apos;s standard deviation</source>
        <translation>Divide pelo desvio padrão de cada coluna</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>Regressão logística</translation>
    </message>
    <message>
        <source>A linear classifier giving class probabilities (multinomial, L2 penalty, L-BFGS), as scikit-learn&apos;s LogisticRegression. Its loss is drawn live while it trains.</source>
        <translation>Um classificador linear que fornece probabilidades de classe (multinomial, penalidade L2, L-BFGS), como o LogisticRegression do scikit-learn. Sua perda é desenhada ao vivo durante o treinamento.</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Dados de treinamento</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Inverse regularisation (C)</source>
        <translation>Inverso da regularização (C)</translation>
    </message>
    <message>
        <source>Smaller values regularise more strongly</source>
        <translation>Valores menores regularizam com mais força</translation>
    </message>
    <message>
        <source>Maximum iterations</source>
        <translation>Máximo de iterações</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolerância</translation>
    </message>
    <message>
        <source>Stop when the gradient is this small</source>
        <translation>Para quando o gradiente ficar abaixo deste valor</translation>
    </message>
    <message>
        <source>Fit intercept</source>
        <translation>Ajustar intercepto</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Prever</translation>
    </message>
    <message>
        <source>Applies a trained model to new rows: the model&apos;s preprocessing is re-applied with its training fit, then it predicts.</source>
        <translation>Aplica um modelo treinado a novas linhas: o pré-processamento do modelo é reaplicado com o ajuste do treinamento e, em seguida, o modelo faz a previsão.</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Previsões</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontuar</translation>
    </message>
    <message>
        <source>Compares predictions with the true target: accuracy, per-class precision, recall and F1, and the confusion matrix.</source>
        <translation>Compara as previsões com o alvo verdadeiro: acurácia, precisão, revocação e F1 por classe, e a matriz de confusão.</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <source>%1: there is no column &apos;%2&apos; in the input (its columns are: %3)</source>
        <translation>%1: não há coluna &apos;%2&apos; na entrada (as colunas dela são: %3)</translation>
    </message>
    <message>
        <source>no node &apos;%1&apos;</source>
        <translation>não há nó &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown node type</source>
        <translation>tipo de nó desconhecido</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no output named &apos;%2&apos;</source>
        <translation>&apos;%1&apos; não tem saída chamada &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no input named &apos;%2&apos;</source>
        <translation>&apos;%1&apos; não tem entrada chamada &apos;%2&apos;</translation>
    </message>
    <message>
        <source>a %1 output cannot feed a %2 input</source>
        <translation>uma saída do tipo %1 não pode alimentar uma entrada do tipo %2</translation>
    </message>
    <message>
        <source>this link would make a cycle</source>
        <translation>esta ligação criaria um ciclo</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; of &apos;%2&apos; is already connected</source>
        <translation>a entrada &apos;%1&apos; de &apos;%2&apos; já está conectada</translation>
    </message>
    <message>
        <source>unknown node type &apos;%1&apos;</source>
        <translation>tipo de nó desconhecido: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos;</source>
        <translation>parâmetro desconhecido: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is not connected</source>
        <translation>a entrada &apos;%1&apos; não está conectada</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is fed twice</source>
        <translation>a entrada &apos;%1&apos; é alimentada duas vezes</translation>
    </message>
    <message>
        <source>the pipeline has a cycle</source>
        <translation>o pipeline tem um ciclo</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Limpeza</translation>
    </message>
    <message>
        <source>Reduce</source>
        <translation>Redução</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Agrupamento</translation>
    </message>
    <message>
        <source>Neural nets</source>
        <translation>Redes neurais</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Avaliação</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportação</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>falta &quot;%1&quot;</translation>
    </message>
    <message>
        <source>link end %1 is not of the form &quot;node.port&quot;</source>
        <translation>a ponta de ligação %1 não está no formato &quot;node.port&quot;</translation>
    </message>
    <message>
        <source>a node must be an object</source>
        <translation>um nó deve ser um objeto</translation>
    </message>
    <message>
        <source>node id must be text</source>
        <translation>o id do nó deve ser texto</translation>
    </message>
    <message>
        <source>unknown node type %1 (is this file from a newer Oficina?)</source>
        <translation>tipo de nó desconhecido %1 (este arquivo é de uma versão mais nova do Oficina?)</translation>
    </message>
    <message>
        <source>node version %1 is newer than this Oficina supports (%2)</source>
        <translation>a versão de nó %1 é mais nova do que esta versão do Oficina suporta (%2)</translation>
    </message>
    <message>
        <source>position must be [x, y]</source>
        <translation>a posição deve ser [x, y]</translation>
    </message>
    <message>
        <source>params must be an object</source>
        <translation>params deve ser um objeto</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos; for %2</source>
        <translation>parâmetro desconhecido &apos;%1&apos; para %2</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>JSON inválido</translation>
    </message>
    <message>
        <source>not an Oficina pipeline (&quot;format&quot; must be &quot;%1&quot;)</source>
        <translation>não é um pipeline do Oficina (&quot;format&quot; deve ser &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>pipeline format version %1 is not supported; this Oficina reads version %2</source>
        <translation>a versão %1 do formato de pipeline não é suportada; esta versão do Oficina lê a versão %2</translation>
    </message>
    <message>
        <source>&quot;nodes&quot; must be a list</source>
        <translation>&quot;nodes&quot; deve ser uma lista</translation>
    </message>
    <message>
        <source>&quot;links&quot; must be a list</source>
        <translation>&quot;links&quot; deve ser uma lista</translation>
    </message>
    <message>
        <source>a link must be an object</source>
        <translation>uma ligação deve ser um objeto</translation>
    </message>
    <message>
        <source>link %1 → %2: %3</source>
        <translation>ligação %1 → %2: %3</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>não é possível abrir o arquivo: %1</translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation>não é possível gravar o arquivo: %1</translation>
    </message>
    <message>
        <source>cannot replace the file: %1</source>
        <translation>não é possível substituir o arquivo: %1</translation>
    </message>
</context>
<context>
    <name>oficina::core::ArffParser</name>
    <message>
        <source>this quote is not closed before the end of the line</source>
        <translation>estas aspas não são fechadas antes do fim da linha</translation>
    </message>
    <message>
        <source>expected @relation at the start of an ARFF file, found &apos;%1&apos;</source>
        <translation>esperava-se @relation no início de um arquivo ARFF, mas foi encontrado &apos;%1&apos;</translation>
    </message>
    <message>
        <source>@data comes before any @attribute</source>
        <translation>@data aparece antes de qualquer @attribute</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after @data; the data rows start on the next line</source>
        <translation>&apos;%1&apos; inesperado após @data; as linhas de dados começam na linha seguinte</translation>
    </message>
    <message>
        <source>expected @attribute or @data, found &apos;%1&apos;</source>
        <translation>esperava-se @attribute ou @data, mas foi encontrado &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>o arquivo está vazio</translation>
    </message>
    <message>
        <source>the file ends without a @data line: an ARFF file declares its attributes, then @data, then the rows</source>
        <translation>o arquivo termina sem uma linha @data: um arquivo ARFF declara seus atributos, depois @data e, por fim, as linhas</translation>
    </message>
    <message>
        <source>expected the relation&apos;s name after @relation</source>
        <translation>esperava-se o nome da relação após @relation</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after the relation&apos;s name; quote a name that contains spaces</source>
        <translation>&apos;%1&apos; inesperado após o nome da relação; coloque entre aspas um nome que contenha espaços</translation>
    </message>
    <message>
        <source>expected the attribute&apos;s name after @attribute</source>
        <translation>esperava-se o nome do atributo após @attribute</translation>
    </message>
    <message>
        <source>the attribute name &apos;%1&apos; is used twice</source>
        <translation>o nome de atributo &apos;%1&apos; é usado duas vezes</translation>
    </message>
    <message>
        <source>expected the type of attribute &apos;%1&apos;: numeric, real, integer, string, date or a {list} of values</source>
        <translation>esperava-se o tipo do atributo &apos;%1&apos;: numeric, real, integer, string, date ou uma {lista} de valores</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; is a date; it is read as text (a categorical column)</source>
        <translation>o atributo &apos;%1&apos; é uma data; ele é lido como texto (uma coluna categórica)</translation>
    </message>
    <message>
        <source>relational attributes (multi-instance data) are not supported</source>
        <translation>atributos relacionais (dados multi-instância) não são suportados</translation>
    </message>
    <message>
        <source>unknown attribute type &apos;%1&apos;; expected numeric, real, integer, string, date or a {list} of values</source>
        <translation>tipo de atributo desconhecido &apos;%1&apos;; esperava-se numeric, real, integer, string, date ou uma {lista} de valores</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after the attribute&apos;s type</source>
        <translation>&apos;%1&apos; inesperado após o tipo do atributo</translation>
    </message>
    <message>
        <source>this list of values is not closed with &apos;}&apos; on its line</source>
        <translation>esta lista de valores não é fechada com &apos;}&apos; na mesma linha</translation>
    </message>
    <message>
        <source>expected a value in the list of attribute &apos;%1&apos;</source>
        <translation>esperava-se um valor na lista do atributo &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the value &apos;%1&apos; is listed twice for attribute &apos;%2&apos;</source>
        <translation>o valor &apos;%1&apos; aparece duas vezes na lista do atributo &apos;%2&apos;</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after a value in the list of attribute &apos;%1&apos;</source>
        <translation>esperava-se &apos;,&apos; ou &apos;}&apos; após um valor na lista do atributo &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a value; write ? for a missing one</source>
        <translation>esperava-se um valor; escreva ? para um valor ausente</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; after a value</source>
        <translation>esperava-se &apos;,&apos; após um valor</translation>
    </message>
    <message>
        <source>expected %1 values, found %2</source>
        <translation>esperavam-se %1 valores, mas foram encontrados %2</translation>
    </message>
    <message>
        <source>this sparse row is not closed with &apos;}&apos; on its line</source>
        <translation>esta linha esparsa não é fechada com &apos;}&apos; na mesma linha</translation>
    </message>
    <message>
        <source>expected an attribute index (0 to %1) in a sparse row</source>
        <translation>esperava-se um índice de atributo (de 0 a %1) em uma linha esparsa</translation>
    </message>
    <message>
        <source>attribute index %1 is out of range: the indices go from 0 to %2</source>
        <translation>o índice de atributo %1 está fora do intervalo: os índices vão de 0 a %2</translation>
    </message>
    <message>
        <source>attribute index %1 is not greater than the one before; a sparse row lists indices in increasing order</source>
        <translation>o índice de atributo %1 não é maior que o anterior; uma linha esparsa lista os índices em ordem crescente</translation>
    </message>
    <message>
        <source>expected a space and a value after the attribute index</source>
        <translation>esperavam-se um espaço e um valor após o índice do atributo</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after a value in a sparse row</source>
        <translation>esperava-se &apos;,&apos; ou &apos;}&apos; após um valor em uma linha esparsa</translation>
    </message>
    <message>
        <source>unexpected text after the end of the sparse row</source>
        <translation>texto inesperado após o fim da linha esparsa</translation>
    </message>
    <message>
        <source>instance weights ({…} after a row) are ignored</source>
        <translation>os pesos de instância ({…} após uma linha) são ignorados</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number, and attribute &apos;%2&apos; is numeric</source>
        <translation>&apos;%1&apos; não é um número, e o atributo &apos;%2&apos; é numérico</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of the values declared for attribute &apos;%2&apos;: %3</source>
        <translation>&apos;%1&apos; não é um dos valores declarados para o atributo &apos;%2&apos;: %3</translation>
    </message>
</context>
<context>
    <name>oficina::core::ColumnSelectionStep</name>
    <message>
        <source>Select columns &amp; set target</source>
        <translation>Selecionar colunas e definir alvo</translation>
    </message>
    <message>
        <source>the feature column &apos;%1&apos; is missing</source>
        <translation>a coluna de atributo &apos;%1&apos; está ausente</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is %2 here but was %3 in training</source>
        <translation>a coluna &apos;%1&apos; é %2 aqui, mas era %3 no treinamento</translation>
    </message>
</context>
<context>
    <name>oficina::core::Executor</name>
    <message>
        <source>the pipeline has a cycle</source>
        <translation>o pipeline tem um ciclo</translation>
    </message>
    <message>
        <source>not run: the run was stopped</source>
        <translation>não executado: a execução foi interrompida</translation>
    </message>
    <message>
        <source>unknown node type &apos;%1&apos;</source>
        <translation>tipo de nó desconhecido: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is not connected</source>
        <translation>a entrada &apos;%1&apos; não está conectada</translation>
    </message>
    <message>
        <source>not run: input &apos;%1&apos; comes from &apos;%2&apos;, which did not finish</source>
        <translation>não executado: a entrada &apos;%1&apos; vem de &apos;%2&apos;, que não terminou</translation>
    </message>
    <message>
        <source>internal error: output &apos;%1&apos; was not produced</source>
        <translation>erro interno: a saída &apos;%1&apos; não foi produzida</translation>
    </message>
    <message>
        <source>stopped before it finished</source>
        <translation>interrompido antes de terminar</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>memória insuficiente</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>erro interno: %1</translation>
    </message>
</context>
<context>
    <name>oficina::core::Graph</name>
    <message>
        <source>node id &apos;%1&apos; may only hold letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>o id de nó &apos;%1&apos; só pode conter letras, dígitos, &apos;_&apos; e &apos;-&apos;</translation>
    </message>
    <message>
        <source>node id &apos;%1&apos; is used twice</source>
        <translation>o id de nó &apos;%1&apos; é usado duas vezes</translation>
    </message>
    <message>
        <source>no node &apos;%1&apos;</source>
        <translation>não há nó &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>oficina::core::Lineage</name>
    <message>
        <source>the data went through &apos;%1&apos;, which the model&apos;s training data did not; connect the data from before that step</source>
        <translation>os dados passaram por &apos;%1&apos;, mas os dados de treinamento do modelo não; conecte os dados de antes dessa etapa</translation>
    </message>
    <message>
        <source>refitting needs raw rows, but the data already went through &apos;%1&apos;</source>
        <translation>reajustar requer linhas brutas, mas os dados já passaram por &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>oficina::core::LogisticRegression</name>
    <message>
        <source>Logistic regression</source>
        <translation>Regressão logística</translation>
    </message>
</context>
<context>
    <name>oficina::core::ParamValues</name>
    <message>
        <source>parameter &apos;%1&apos; is not set</source>
        <translation>o parâmetro &apos;%1&apos; não está definido</translation>
    </message>
</context>
<context>
    <name>oficina::core::Parameter</name>
    <message>
        <source>%1 must be between %2 and %3, not %4</source>
        <translation>%1 deve estar entre %2 e %3, não %4</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1 deve ser um número inteiro</translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation>%1 deve ser um número</translation>
    </message>
    <message>
        <source>%1 must be a finite number</source>
        <translation>%1 deve ser um número finito</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 deve ser verdadeiro ou falso</translation>
    </message>
    <message>
        <source>%1 must be one of: %2</source>
        <translation>%1 deve ser um dos seguintes: %2</translation>
    </message>
    <message>
        <source>%1 must be a list of column names</source>
        <translation>%1 deve ser uma lista de nomes de colunas</translation>
    </message>
    <message>
        <source>%1 needs at least one column</source>
        <translation>%1 precisa de pelo menos uma coluna</translation>
    </message>
    <message>
        <source>%1 must be text</source>
        <translation>%1 deve ser texto</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 é obrigatório</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value for %2: expected %3</source>
        <translation>&apos;%1&apos; não é um valor válido para %2: esperava-se %3</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>um número inteiro</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>verdadeiro ou falso</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; is %2; expected %3</source>
        <translation>o parâmetro &apos;%1&apos; é %2; esperava-se %3</translation>
    </message>
    <message>
        <source>a list of column names</source>
        <translation>uma lista de nomes de colunas</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
</context>
<context>
    <name>oficina::core::StandardScalerStep</name>
    <message>
        <source>Standard scaler</source>
        <translation>Padronizador</translation>
    </message>
    <message>
        <source>the standard scaler was fitted on column &apos;%1&apos;, which this table does not have</source>
        <translation>o padronizador foi ajustado na coluna &apos;%1&apos;, que esta tabela não tem</translation>
    </message>
    <message>
        <source>the standard scaler was fitted on numeric column &apos;%1&apos;, which is categorical here</source>
        <translation>o padronizador foi ajustado na coluna numérica &apos;%1&apos;, que aqui é categórica</translation>
    </message>
</context>
<context>
    <name>oficina::core::Table</name>
    <message>
        <source>column &apos;%1&apos; has %2 rows, expected %3</source>
        <translation>a coluna &apos;%1&apos; tem %2 linhas; esperavam-se %3</translation>
    </message>
    <message>
        <source>column name &apos;%1&apos; appears twice</source>
        <translation>o nome de coluna &apos;%1&apos; aparece duas vezes</translation>
    </message>
    <message>
        <source>no column named &apos;%1&apos; (the columns are: %2)</source>
        <translation>não há coluna chamada &apos;%1&apos; (as colunas são: %2)</translation>
    </message>
</context>
<context>
    <name>oficina::core::csv</name>
    <message>
        <source>invalid UTF-8 (byte %1); if the file is in Latin-1 (ISO-8859-1), choose that encoding</source>
        <translation>UTF-8 inválido (byte %1); se o arquivo estiver em Latin-1 (ISO-8859-1), escolha essa codificação</translation>
    </message>
    <message>
        <source>invalid CSV options: the delimiter &apos;%1&apos; and the decimal mark &apos;%2&apos; cannot be used together</source>
        <translation>opções de CSV inválidas: o delimitador &apos;%1&apos; e o separador decimal &apos;%2&apos; não podem ser usados juntos</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>o arquivo está vazio</translation>
    </message>
</context>
<context>
    <name>oficina::core::csv::CsvFile</name>
    <message>
        <source>cannot open the file (%1)</source>
        <translation>não é possível abrir o arquivo (%1)</translation>
    </message>
    <message>
        <source>cannot read the file (%1)</source>
        <translation>não é possível ler o arquivo (%1)</translation>
    </message>
</context>
<context>
    <name>oficina::core::csv::RangeParser</name>
    <message>
        <source>the file changed while it was being read</source>
        <translation>o arquivo foi alterado enquanto era lido</translation>
    </message>
    <message>
        <source>this quote is never closed: the file ends inside a quoted field</source>
        <translation>estas aspas nunca são fechadas: o arquivo termina dentro de um campo entre aspas</translation>
    </message>
    <message>
        <source>expected %1 fields (as in the header), found %2</source>
        <translation>esperavam-se %1 campos (como no cabeçalho), mas foram encontrados %2</translation>
    </message>
    <message>
        <source>expected %1 fields (as in the first line), found %2</source>
        <translation>esperavam-se %1 campos (como na primeira linha), mas foram encontrados %2</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after a closing quote; a quote inside a quoted field must be doubled (&quot;&quot;)</source>
        <translation>&apos;%1&apos; inesperado após aspas de fechamento; aspas dentro de um campo entre aspas devem ser duplicadas (&quot;&quot;)</translation>
    </message>
    <message>
        <source>invalid UTF-8 (byte %1); if the file is in Latin-1 (ISO-8859-1), choose that encoding</source>
        <translation>UTF-8 inválido (byte %1); se o arquivo estiver em Latin-1 (ISO-8859-1), escolha essa codificação</translation>
    </message>
</context>
<context>
    <name>oficina::core::csv::Scanner</name>
    <message>
        <source>this quote is never closed: the file ends inside a quoted field</source>
        <translation>estas aspas nunca são fechadas: o arquivo termina dentro de um campo entre aspas</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after a closing quote; a quote inside a quoted field must be doubled (&quot;&quot;)</source>
        <translation>&apos;%1&apos; inesperado após aspas de fechamento; aspas dentro de um campo entre aspas devem ser duplicadas (&quot;&quot;)</translation>
    </message>
</context>
<context>
    <name>oficina::ui::MainWindow</name>
    <message>
        <source>Oficina</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <source>Open a pipeline to begin</source>
        <translation>Abra um pipeline para começar</translation>
    </message>
    <message>
        <source>Run log</source>
        <translation>Registro de execução</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>Abrir &amp;exemplo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Executar</translation>
    </message>
    <message>
        <source>&amp;Run pipeline</source>
        <translation>&amp;Executar pipeline</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Oficina</source>
        <translation>&amp;Sobre o Oficina</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Não é possível abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 — Oficina</source>
        <translation>%1 — Oficina</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Aberto: %1</translation>
    </message>
    <message>
        <source>Press F5 to run the pipeline</source>
        <translation>Pressione F5 para executar o pipeline</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>Abrir pipeline</translation>
    </message>
    <message>
        <source>Oficina pipelines (*.oficina)</source>
        <translation>Pipelines do Oficina (*.oficina)</translation>
    </message>
    <message>
        <source>Cannot open pipeline</source>
        <translation>Não é possível abrir o pipeline</translation>
    </message>
    <message>
        <source>Run started</source>
        <translation>Execução iniciada</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Parando…</translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation>%1: em execução</translation>
    </message>
    <message>
        <source>%1: done (cached)</source>
        <translation>%1: concluído (do cache)</translation>
    </message>
    <message>
        <source>%1: done in %2 s</source>
        <translation>%1: concluído em %2 s</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: falhou: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1: aviso: %2</translation>
    </message>
    <message>
        <source>The pipeline changed during the run; results are stale</source>
        <translation>O pipeline foi alterado durante a execução; os resultados estão desatualizados</translation>
    </message>
    <message>
        <source>Run stopped</source>
        <translation>Execução interrompida</translation>
    </message>
    <message>
        <source>Run finished with errors</source>
        <translation>Execução concluída com erros</translation>
    </message>
    <message>
        <source>Run finished</source>
        <translation>Execução concluída</translation>
    </message>
    <message>
        <source>Some nodes failed: see the run log</source>
        <translation>Alguns nós falharam: veja o registro de execução</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>About Oficina</source>
        <translation>Sobre o Oficina</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Oficina %1&lt;/h3&gt;&lt;p&gt;A desktop machine-learning workbench.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3.0), Eigen (MPL-2.0), LBFGS++ (MIT), nlohmann-json (MIT), CLI11 (BSD-3-Clause) and fast_float (Apache-2.0 / MIT).&lt;/p&gt;&lt;p&gt;Bundled datasets:&lt;/p&gt;&lt;ul&gt;%3&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Oficina %1&lt;/h3&gt;&lt;p&gt;Uma bancada de trabalho de aprendizado de máquina para desktop.&lt;/p&gt;&lt;p&gt;Desenvolvido com Qt %2 (LGPL-3.0), Eigen (MPL-2.0), LBFGS++ (MIT), nlohmann-json (MIT), CLI11 (BSD-3-Clause) e fast_float (Apache-2.0 / MIT).&lt;/p&gt;&lt;p&gt;Conjuntos de dados incluídos:&lt;/p&gt;&lt;ul&gt;%3&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>std</name>
    <message>
        <source>cannot open the file (%1)</source>
        <translation>não é possível abrir o arquivo (%1)</translation>
    </message>
    <message>
        <source>cannot read the file (%1)</source>
        <translation>não é possível ler o arquivo (%1)</translation>
    </message>
    <message>
        <source>the data has no target column; choose one in &apos;Select columns &amp; set target&apos;</source>
        <translation>os dados não têm coluna-alvo; escolha uma em &apos;Selecionar colunas e definir alvo&apos;</translation>
    </message>
</context>
</TS>
